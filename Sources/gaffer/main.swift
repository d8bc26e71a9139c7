import GafferCLI

await GafferCommand.runFromCommandLine()

import GafferCLI

await GafferCommand.run(app: .stock)

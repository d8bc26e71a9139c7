import GafferCLI
import GafferDemo

// The demo lives in its own target, so an app's binary built on GafferCLI does not carry its job types.
extension SocialMediaDemo: DemoProgram {}

var app = GafferApp.stock
app.demo = SocialMediaDemo.self
await GafferCommand.run(app: app)

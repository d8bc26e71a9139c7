// Keep byte for byte equal to themes/high-contrast.theme (a test checks it); edit the file, then copy it here.

extension Theme {
    /// The text of `themes/high-contrast.theme`, compiled in so `--theme high-contrast` works without a `themes/` folder.
    public static let builtinHighContrastText = """
# Gaffer high-contrast theme: bright colours and bold text, for low-contrast screens, projectors and
# tired eyes. Same line format as dark.theme. Backgrounds stay the terminal's own.

# Text and frames
text               = default bold
muted              = default
border             = bright-white
border.focused     = bright-yellow bold
title              = bright-white bold
header             = bright-white bold underline

# Tables
selection          = bright-yellow reverse bold
selection.inactive = bright-white reverse
marked             = bright-magenta bold
search.match       = bright-yellow bold underline

# Status line and footer
status             = bright-white reverse bold
status.error       = bright-red reverse bold
keyhint            = bright-white
keyhint.key        = bright-yellow bold
keyhint.disabled   = default dim

# Job and worker states
ok                 = bright-green bold
state.running      = bright-cyan bold
state.queued       = bright-blue bold
state.scheduled    = bright-magenta bold
state.retried      = bright-yellow bold
state.discarded    = bright-red bold
state.paused       = bright-yellow bold underline

# Messages
warning            = bright-yellow bold
error              = bright-red bold
info               = bright-cyan bold

# Meters
sparkline          = bright-green bold
gauge.fill         = bright-green bold
gauge.empty        = bright-white dim
banner             = bright-yellow reverse bold

# Alerts in the header (a threshold reached; the word WARNING or CRITICAL is always shown)
alert.warning      = bright-yellow reverse bold
alert.critical     = bright-red reverse bold

"""

    public static let builtinHighContrast: Theme = compiledIn(builtinHighContrastText, name: "high-contrast")
}

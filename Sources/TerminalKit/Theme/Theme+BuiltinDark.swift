// Keep byte for byte equal to themes/dark.theme (a test checks it); edit the file, then copy it here.

extension Theme {
    /// The text of `themes/dark.theme`, compiled in so the monitor runs without a `themes/` folder.
    public static let builtinDarkText = """
# Gaffer dark theme: for terminals with a dark background. This is the built-in default.
#
# One definition per line:  role = [colour] [on colour] [attribute ...]
#   colours:    default, black red green yellow blue magenta cyan white,
#               bright-<colour> (e.g. bright-black), or a palette index 0-255
#   attributes: bold dim italic underline reverse
# Backgrounds stay the terminal's own (default); highlights use `reverse` instead.
# State colours always come with a glyph or a word on screen, never alone.

# Text and frames
text               = default
muted              = bright-black
border             = bright-black
border.focused     = cyan bold
title              = default bold
header             = default bold underline

# Tables
selection          = cyan reverse
selection.inactive = bright-black reverse
marked             = yellow bold
search.match       = yellow underline

# Status line and footer
status             = default reverse
status.error       = red reverse bold
keyhint            = default
keyhint.key        = cyan bold
keyhint.disabled   = bright-black

# Job and worker states
ok                 = green
state.running      = bright-cyan bold
state.queued       = bright-blue
state.scheduled    = magenta
state.retried      = yellow
state.discarded    = bright-red
state.paused       = bright-yellow underline

# Messages
warning            = yellow bold
error              = bright-red bold
info               = cyan

# Meters
sparkline          = green
gauge.fill         = green
gauge.empty        = bright-black
banner             = yellow reverse bold

# Alerts in the header (a threshold reached; the word WARNING or CRITICAL is always shown)
alert.warning      = yellow reverse bold
alert.critical     = bright-red reverse bold

"""

    /// `builtinDarkText` parsed; a test guarantees it parses and defines every role.
    public static let builtinDark: Theme = compiledIn(builtinDarkText, name: "dark")
}

// Keep byte for byte equal to themes/light.theme (a test checks it); edit the file, then copy it here.

extension Theme {
    /// The text of `themes/light.theme`, compiled in so `--theme light` works without a `themes/` folder.
    public static let builtinLightText = """
# Gaffer light theme: for terminals with a light background.
#
# One definition per line:  role = [colour] [on colour] [attribute ...]
#   colours:    default, black red green yellow blue magenta cyan white,
#               bright-<colour> (e.g. bright-black), or a palette index 0-255
#   attributes: bold dim italic underline reverse
# Backgrounds stay the terminal's own (default); highlights use `reverse` instead.
# Pale colours (yellow, bright-*) are avoided for text: they vanish on white.

# Text and frames
text               = default
muted              = bright-black
border             = bright-black
border.focused     = blue bold
title              = default bold
header             = default bold underline

# Tables
selection          = blue reverse
selection.inactive = bright-black reverse
marked             = magenta bold
search.match       = magenta underline

# Status line and footer
status             = default reverse
status.error       = red reverse bold
keyhint            = default
keyhint.key        = blue bold
keyhint.disabled   = bright-black

# Job and worker states
ok                 = green
state.running      = blue bold
state.queued       = cyan
state.scheduled    = magenta
state.retried      = yellow bold
state.discarded    = red
state.paused       = magenta underline

# Messages
warning            = yellow bold
error              = red bold
info               = blue

# Meters
sparkline          = blue
gauge.fill         = green
gauge.empty        = bright-black
banner             = red reverse bold

# Alerts in the header (a threshold reached; the word WARNING or CRITICAL is always shown)
alert.warning      = yellow reverse bold
alert.critical     = red reverse bold

"""

    public static let builtinLight: Theme = compiledIn(builtinLightText, name: "light")
}

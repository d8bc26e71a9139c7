// Keep byte for byte equal to themes/mono.theme (a test checks it); edit the file, then copy it here.

extension Theme {
    /// The text of `themes/mono.theme`, compiled in for `NO_COLOR` without a `themes/` folder.
    public static let builtinMonoText = """
# Gaffer monochrome theme: attributes only, no colours. Used when NO_COLOR is set.
#
# Every role must still read well without colour: states differ by attribute here, and
# on screen they always come with a glyph or a word as well.

# Text and frames
text               = default
muted              = dim
border             = default
border.focused     = bold
title              = bold
header             = bold underline

# Tables
selection          = reverse
selection.inactive = reverse dim
marked             = bold underline
search.match       = underline

# Status line and footer
status             = reverse
status.error       = reverse bold
keyhint            = default
keyhint.key        = reverse
keyhint.disabled   = dim

# Job and worker states
ok                 = default
state.running      = bold
state.queued       = default
state.scheduled    = dim
state.retried      = underline
state.discarded    = bold underline
state.paused       = dim underline

# Messages
warning            = bold
error              = bold underline
info               = default

# Meters
sparkline          = default
gauge.fill         = default
gauge.empty        = dim
banner             = reverse bold

# Alerts in the header (a threshold reached; the word WARNING or CRITICAL is always shown)
alert.warning      = reverse
alert.critical     = reverse bold underline

"""

    /// `builtinMonoText` parsed; a test guarantees it parses and defines every role.
    public static let builtinMono: Theme = compiledIn(builtinMonoText, name: "mono")
}

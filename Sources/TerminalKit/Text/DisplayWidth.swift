/// How many terminal columns text occupies, from the package's own Unicode tables.
///
/// Width is measured per grapheme cluster (`Character`), because that is what a terminal
/// draws in one or two cells: combining marks, zero-width joiners and variation selectors
/// add nothing to the cluster they belong to. `wcwidth` is deliberately not used: its answer
/// depends on the process locale and the C library's Unicode version, which would make
/// layout and snapshot tests machine-dependent.
public enum DisplayWidth {
    /// Columns one grapheme cluster occupies: 0, 1 or 2.
    ///
    /// The cluster's first visible scalar decides: East Asian Wide/Fullwidth and emoji
    /// presentation (including regional-indicator flags) are 2, and a text-presentation
    /// emoji followed by U+FE0F becomes 2. Control characters count 0 (text is sanitized
    /// before it is measured), as does a cluster made only of zero-width scalars (a lone
    /// combining mark or joiner).
    public static func of(_ character: Character) -> Int {
        var width = 0
        var hasEmojiSelector = false
        var base: Unicode.Scalar?
        for scalar in character.unicodeScalars {
            if isControl(scalar) { return 0 }
            if scalar.value == 0xFE0F { hasEmojiSelector = true }
            if base == nil {
                let scalarWidth = Self.width(of: scalar)
                if scalarWidth > 0 {
                    base = scalar
                    width = scalarWidth
                }
            }
        }
        guard let base else { return 0 }
        if width == 1 && hasEmojiSelector && base.properties.isEmoji { return 2 }
        return width
    }

    /// Columns a whole string occupies: the sum over its grapheme clusters.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns one scalar occupies on its own, ignoring the cluster around it.
    static func width(of scalar: Unicode.Scalar) -> Int {
        if isControl(scalar) || isZeroWidth(scalar) { return 0 }
        if isWide(scalar.value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Combining marks, format characters (joiners, bidi controls) and variation selectors.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            // Hangul medial vowels and final consonants join the preceding syllable.
            return (0x1160...0x11FF).contains(scalar.value) || scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// Binary search in the East Asian Wide/Fullwidth table.
    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideScalarRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideScalarRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

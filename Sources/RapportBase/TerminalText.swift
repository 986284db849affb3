/// Makes user-supplied text safe to print: no control character, escape sequence or bidi override reaches the terminal.
///
/// Whole escape sequences are removed, not just their ESC, so no parameter bytes leak as visible garbage:
/// CSI (`ESC [` … final byte 0x40–0x7E), OSC (`ESC ]` … BEL or ST), DCS, SOS, PM and APC (`ESC P`, `ESC X`,
/// `ESC ^`, `ESC _` … ST), other `ESC` sequences with their intermediate and final bytes, and the 8-bit C1
/// forms of all of these. ST is `ESC \` or U+009C. A sequence that never ends removes the rest of the string.
public enum TerminalText {
    /// Returns `s` as one display line: escape sequences, controls and bidi controls removed,
    /// and each "\n", "\r\n", "\r" or tab turned into a single space.
    public static func sanitized(_ s: String) -> String {
        sanitize(s, keepingNewlines: false)
    }

    /// Returns `s` with escape sequences, controls and bidi controls removed but line breaks kept:
    /// "\r\n" and a lone "\r" become "\n", and a tab becomes a space.
    public static func sanitizedKeepingNewlines(_ s: String) -> String {
        sanitize(s, keepingNewlines: true)
    }

    private static func sanitize(_ s: String, keepingNewlines: Bool) -> String {
        // Almost all text is clean; returning it as is avoids any allocation.
        guard needsCleaning(s, keepingNewlines: keepingNewlines) else { return s }
        let lineBreak: Unicode.Scalar = keepingNewlines ? "\n" : " "
        var output = String.UnicodeScalarView()
        var state = State.text
        var afterCarriageReturn = false
        for scalar in s.unicodeScalars {
            if consume(scalar, state: &state) { continue }
            append(scalar, to: &output, state: &state, afterCarriageReturn: &afterCarriageReturn,
                   lineBreak: lineBreak)
        }
        return String(output)
    }

    /// Advances through an escape sequence; returns false when `scalar` is not part of one and is text.
    private static func consume(_ scalar: Unicode.Scalar, state: inout State) -> Bool {
        let value = scalar.value
        switch state {
        case .text:
            return false
        case .escape:
            switch value {
            case 0x5B:  // [
                state = .controlSequence
            case 0x5D:  // ]
                state = .controlString(endsAtBell: true)
            case 0x50, 0x58, 0x5E, 0x5F:  // P X ^ _
                state = .controlString(endsAtBell: false)
            case 0x20...0x2F:
                state = .escapeIntermediate
            case 0x30...0x7E:  // final byte; `ESC \` (ST) ending a control string lands here too
                state = .text
            default:
                // Not a sequence: only the ESC goes, and this scalar is read as text.
                state = .text
                return false
            }
        case .escapeIntermediate:
            switch value {
            case 0x20...0x2F:
                break
            case 0x30...0x7E:
                state = .text
            default:
                state = .text
                return false
            }
        case .controlSequence:
            if (0x40...0x7E).contains(value) {
                state = .text
            } else if value == 0x1B {
                // ESC abandons the sequence and starts a new one, as terminals do.
                state = .escape
            }
        case .controlString(let endsAtBell):
            if value == 0x1B {
                // Either the `ESC \` terminator or a new sequence; the escape state handles both.
                state = .escape
            } else if value == 0x9C || (endsAtBell && value == 0x07) {
                state = .text
            }
        }
        return true
    }

    /// Handles one scalar outside any escape sequence.
    private static func append(
        _ scalar: Unicode.Scalar,
        to output: inout String.UnicodeScalarView,
        state: inout State,
        afterCarriageReturn: inout Bool,
        lineBreak: Unicode.Scalar
    ) {
        let followsCarriageReturn = afterCarriageReturn
        afterCarriageReturn = false
        switch scalar.value {
        case 0x0A:
            // The "\n" of "\r\n" was already emitted with the "\r".
            if !followsCarriageReturn { output.append(lineBreak) }
        case 0x0D:
            output.append(lineBreak)
            afterCarriageReturn = true
        case 0x09:
            output.append(" ")
        case 0x1B:
            state = .escape
        case 0x9B:
            state = .controlSequence
        case 0x9D:
            state = .controlString(endsAtBell: true)
        case 0x90, 0x98, 0x9E, 0x9F:  // DCS, SOS, PM, APC
            state = .controlString(endsAtBell: false)
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            // Other controls, and bidi controls that could reorder what the user sees.
            break
        default:
            output.append(scalar)
        }
    }

    /// Scans the UTF-8 bytes for anything `sanitize` would change.
    private static func needsCleaning(_ s: String, keepingNewlines: Bool) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in s.utf8 {
            switch byte {
            case 0x0A where keepingNewlines:
                break
            case 0x00...0x1F, 0x7F:
                return true
            case 0x80...0x9F where previous == 0xC2:  // C1 controls U+0080–U+009F
                return true
            case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2:  // U+202A–U+202E
                return true
            case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2:  // U+2066–U+2069
                return true
            default:
                break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Where the sanitizer is within the input.
    private enum State {
        case text
        /// After ESC.
        case escape
        /// After ESC and one or more intermediate bytes (0x20–0x2F), waiting for the final byte.
        case escapeIntermediate
        /// Inside CSI, waiting for a final byte 0x40–0x7E.
        case controlSequence
        /// Inside OSC (which BEL may end), DCS, SOS, PM or APC, waiting for ST.
        case controlString(endsAtBell: Bool)
    }
}

import RapportCore

/// Writes open follow-ups as an iCalendar file (RFC 5545) for a calendar app to import or subscribe to.
///
/// A follow-up due on a day is a VTODO with that day as its DUE; one with a time is a VEVENT
/// of 30 minutes at that wall-clock time (floating: it stays at 14:30 wherever the seller
/// travels). The UID is the follow-up's id, so importing a newer export updates the entries.
public enum ICalendarWriter {
    /// How long a follow-up with a time blocks the calendar.
    public static let eventMinutes = 30

    /// The calendar of `followUps`, CRLF-terminated. `stamp` is when the file is written, in UTC
    /// (RFC 5545's DTSTAMP; it orders revisions of an entry).
    public static func calendar(_ followUps: [DueFollowUp], stamp: LocalDateTime) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Rapport//Rapport follow-ups//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Rapport follow-ups",
        ]
        let dtstamp = basic(stamp.day) + "T" + basic(stamp.time) + "Z"
        for f in followUps {
            let component = f.due.time == nil ? "VTODO" : "VEVENT"
            lines.append("BEGIN:" + component)
            lines.append("UID:followup-\(f.id)@rapport")
            lines.append("DTSTAMP:" + dtstamp)
            if let time = f.due.time {
                lines.append("DTSTART:" + basic(f.due.day) + "T" + basic(time))
                lines.append("DURATION:PT\(eventMinutes)M")
            } else {
                lines.append("DUE;VALUE=DATE:" + basic(f.due.day))
            }
            lines.append("SUMMARY:" + ContentLine.escaped(summary(f)))
            lines.append("DESCRIPTION:" + ContentLine.escaped(description(f)))
            if component == "VTODO" { lines.append("STATUS:NEEDS-ACTION") }
            lines.append("END:" + component)
        }
        lines.append("END:VCALENDAR")
        return lines.map(ContentLine.folded).joined()
    }

    /// `Send the quote · 王建国`, or `Follow up · 王建国` for a follow-up without a title.
    static func summary(_ f: DueFollowUp) -> String {
        let title = f.title.trimmingSpaces()
        return (title.isEmpty ? "Follow up" : title) + " · " + f.customer.name
    }

    /// Who the customer is and when the promise was made, for the event's details.
    static func description(_ f: DueFollowUp) -> String {
        let c = f.customer
        var who = c.name
        if let company = c.company, !company.isEmpty { who += " (\(company))" }
        if let grade = c.grade { who += " · grade \(grade.rawValue)" }
        who += " · #\(c.id)"
        return who + "\nPromised on " + f.createdOn.iso
    }

    /// `YYYYMMDD`.
    private static func basic(_ day: Day) -> String {
        String(day.iso.filter { $0 != "-" })
    }

    /// `HHMMSS`, seconds always zero.
    private static func basic(_ time: ClockTime) -> String {
        String(time.description.filter { $0 != ":" }) + "00"
    }
}

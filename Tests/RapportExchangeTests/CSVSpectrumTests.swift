import Testing
@testable import RapportExchange

/// csv-spectrum's cases (github.com/max-mapper/csv-spectrum), written here from their names
/// and RFC 4180, not copied: each file's text and the records it means, the header's names
/// keying each row's cells as the spectrum's JSON does. The upstream files themselves are
/// read by `make acceptance` from ../shared/testdata, which a fresh clone lacks.
struct CSVSpectrumTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var rows: [[String: String]]

        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "comma_in_quotes", text: "first,last,address,city,zip\nJohn,Doe,120 any st.,\"Anytown, WW\",08123",
             rows: [["first": "John", "last": "Doe", "address": "120 any st.", "city": "Anytown, WW", "zip": "08123"]]),
        Case(name: "empty", text: "a,b,c\n1,\"\",\"\"\n2,3,4",
             rows: [["a": "1", "b": "", "c": ""], ["a": "2", "b": "3", "c": "4"]]),
        Case(name: "empty_crlf", text: "a,b,c\r\n1,\"\",\"\"\r\n2,3,4",
             rows: [["a": "1", "b": "", "c": ""], ["a": "2", "b": "3", "c": "4"]]),
        Case(name: "escaped_quotes", text: "a,b\n1,\"ha \"\"ha\"\" ha\"\n3,4\n",
             rows: [["a": "1", "b": "ha \"ha\" ha"], ["a": "3", "b": "4"]]),
        Case(name: "json", text: "key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [102.0, 0.5]}\"\n",
             rows: [["key": "1", "val": "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}"]]),
        // Quotes inside an unquoted cell are text.
        Case(name: "location_coordinates",
             text: "Contact Phone Number,Location Coordinates,Cities,Counties\n2095257564,37°36'37.8\"N 121°2'17.9\"W,Modesto,Stanislaus",
             rows: [["Contact Phone Number": "2095257564", "Location Coordinates": "37°36'37.8\"N 121°2'17.9\"W",
                     "Cities": "Modesto", "Counties": "Stanislaus"]]),
        Case(name: "newlines", text: "a,b,c\n1,2,3\n\"Once upon \na time\",5,6\n7,8,9\n",
             rows: [["a": "1", "b": "2", "c": "3"], ["a": "Once upon \na time", "b": "5", "c": "6"], ["a": "7", "b": "8", "c": "9"]]),
        // The line break inside quotes is kept as the file has it.
        Case(name: "newlines_crlf", text: "a,b,c\r\n1,2,3\r\n\"Once upon \r\na time\",5,6\r\n7,8,9\r\n",
             rows: [["a": "1", "b": "2", "c": "3"], ["a": "Once upon \r\na time", "b": "5", "c": "6"], ["a": "7", "b": "8", "c": "9"]]),
        Case(name: "quotes_and_newlines", text: "a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n",
             rows: [["a": "1", "b": "ha \n\"ha\" \nha"], ["a": "3", "b": "4"]]),
        Case(name: "simple", text: "a,b,c\n1,2,3\n", rows: [["a": "1", "b": "2", "c": "3"]]),
        Case(name: "simple_crlf", text: "a,b,c\r\n1,2,3\r\n", rows: [["a": "1", "b": "2", "c": "3"]]),
        Case(name: "utf8", text: "a,b,c\n1,2,3\n4,5,ʤ", rows: [["a": "1", "b": "2", "c": "3"], ["a": "4", "b": "5", "c": "ʤ"]]),
    ]

    @Test(arguments: cases)
    func readsTheSpectrumCase(_ c: Case) throws {
        let records = try CSV.records(c.text)
        let header = try #require(records.first).fields
        let rows = records.dropFirst().map { record in
            #expect(record.fields.count == header.count, "a row of \(record.fields.count) cells under \(header.count) names")
            return Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first })
        }
        #expect(rows == c.rows)
    }
}

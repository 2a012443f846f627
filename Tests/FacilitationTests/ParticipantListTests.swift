import Facilitation
import Testing

@Suite struct ParticipantListTests {
    @Test func namesAreTrimmedAndKeptInOrder() throws {
        #expect(try ParticipantList.parse(" Ana, Ben ,Caro") == people("Ana", "Ben", "Caro"))
    }

    @Test(arguments: ["", " , ", "Ana,,Ben", "Ana,"])
    func emptyNamesAreRefused(text: String) {
        #expect(throws: ParticipantList.ParseError.self) { try ParticipantList.parse(text) }
    }

    @Test func channelMapAssignsChannels() throws {
        let mapped = try ParticipantList.applyChannelMap("Ana=2, Ben=0", to: people("Ana", "Ben", "Caro"))
        #expect(mapped.map(\.channel) == [2, 0, nil])
    }

    @Test func channelMapNamingAStrangerSaysWhoIsThere() {
        #expect(throws: ParticipantList.ParseError("the channel map names 'Zoe', who is not a participant (participants: Ana, Ben)")) {
            try ParticipantList.applyChannelMap("Zoe=1", to: people("Ana", "Ben"))
        }
    }

    @Test(arguments: ["Ana", "Ana=x", "Ana=-1", "Ana=1,Ana=2"])
    func malformedChannelMapsAreRefused(text: String) {
        #expect(throws: ParticipantList.ParseError.self) { try ParticipantList.applyChannelMap(text, to: people("Ana", "Ben")) }
    }
}

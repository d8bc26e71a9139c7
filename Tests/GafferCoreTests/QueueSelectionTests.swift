import Testing
@testable import GafferCore

@Suite struct QueueSelectionTests {
    @Test(arguments: [
        ("*", [PoolSpec(kind: .all, threads: 5)]),
        ("", [PoolSpec(kind: .all, threads: 5)]),
        ("   ", [PoolSpec(kind: .all, threads: 5)]),
        (":3", [PoolSpec(kind: .all, threads: 3)]),
        ("a", [PoolSpec(kind: .include(["a"]), threads: 5)]),
        (" a , b : 2 ", [PoolSpec(kind: .include(["a", "b"]), threads: 2)]),
        ("a:", [PoolSpec(kind: .include(["a"]), threads: 5)]),
        ("-a,b:3", [PoolSpec(kind: .exclude(["a", "b"]), threads: 3)]),
        ("+x,y", [PoolSpec(kind: .ordered(["x", "y"]), threads: 5)]),
        ("a,*", [PoolSpec(kind: .all, threads: 5)]),
        ("-*", [PoolSpec(kind: .all, threads: 5)]),
        ("my queue", [PoolSpec(kind: .include(["my queue"]), threads: 5)]),
        ("a;", [PoolSpec(kind: .include(["a"]), threads: 5)]),
        ("a,b:2;-a,b:3;+x,y;*", [
            PoolSpec(kind: .include(["a", "b"]), threads: 2),
            PoolSpec(kind: .exclude(["a", "b"]), threads: 3),
            PoolSpec(kind: .ordered(["x", "y"]), threads: 5),
            PoolSpec(kind: .all, threads: 5),
        ]),
        ("transactional:2;batch:1;-transactional,batch:2;*", [
            PoolSpec(kind: .include(["transactional"]), threads: 2),
            PoolSpec(kind: .include(["batch"]), threads: 1),
            PoolSpec(kind: .exclude(["transactional", "batch"]), threads: 2),
            PoolSpec(kind: .all, threads: 5),
        ]),
    ])
    func parsesValidSelections(text: String, pools: [PoolSpec]) throws {
        #expect(try QueueSelection.parse(text, defaultThreads: 5).pools == pools)
    }

    @Test(arguments: [
        ("a:x;b", #"queue selection "a:x;b": threads "x" at position 3 must be a whole number in 1…1000"#),
        ("a: 0", #"queue selection "a: 0": threads "0" at position 4 must be a whole number in 1…1000"#),
        ("a:-2", #"queue selection "a:-2": threads "-2" at position 3 must be a whole number in 1…1000"#),
        ("a:2.5", #"queue selection "a:2.5": threads "2.5" at position 3 must be a whole number in 1…1000"#),
        ("a:99999999999999999999", #"queue selection "a:99999999999999999999": threads "99999999999999999999" at position 3 must be a whole number in 1…1000"#),
        ("a;;b", #"queue selection "a;;b": empty pool at position 3; remove the extra ";""#),
        (";a", #"queue selection ";a": empty pool at position 1; remove the extra ";""#),
        ("a; ;b", #"queue selection "a; ;b": empty pool at position 4; remove the extra ";""#),
        ("a:2:3", #"queue selection "a:2:3": second ":" at position 4; a pool has one ":" before its thread count, e.g. "a,b:2""#),
        ("a,,b", #"queue selection "a,,b": empty queue name at position 3; remove the extra ",""#),
        ("a,", #"queue selection "a,": empty queue name at position 2; remove the extra ",""#),
        (",a", #"queue selection ",a": empty queue name at position 1; remove the extra ",""#),
        ("x;-a, ,b:2", #"queue selection "x;-a, ,b:2": empty queue name at position 7; remove the extra ",""#),
        ("a,-b", #"queue selection "a,-b": "-" at position 3 may only start a pool ("-a,b" excludes both a and b)"#),
        ("+-a", #"queue selection "+-a": "-" at position 2 may only start a pool ("-a,b" excludes both a and b)"#),
        ("a, +b", #"queue selection "a, +b": "+" at position 4 may only start a pool ("+a,b" drains a before b)"#),
        ("-", #"queue selection "-": "-" at position 1 needs queue names after it, e.g. "-a,b""#),
        ("a; + :2", #"queue selection "a; + :2": "+" at position 4 needs queue names after it, e.g. "+a,b""#),
        ("é;;", #"queue selection "é;;": empty pool at position 3; remove the extra ";""#),
    ])
    func refusesInvalidSelections(text: String, message: String) {
        #expect {
            try QueueSelection.parse(text, defaultThreads: 5)
        } throws: { error in
            String(describing: error) == message
        }
    }

    @Test func positionsCountCharactersNotBytes() {
        #expect(throws: QueueSelectionError(.invalidThreads("x"), in: "日本:x", at: 4)) {
            try QueueSelection.parse("日本:x", defaultThreads: 1)
        }
    }

    @Test(arguments: [
        (PoolSpec.Kind.all, "a", true), (.all, nil, true),
        (.include(["a", "b"]), "b", true), (.include(["a", "b"]), "c", false), (.include(["a"]), nil, false),
        (.ordered(["a", "b"]), "a", true), (.ordered(["a"]), "z", false), (.ordered(["a"]), nil, false),
        (.exclude(["a"]), "a", false), (.exclude(["a"]), "b", true), (.exclude(["a"]), nil, true),
    ] as [(PoolSpec.Kind, String?, Bool)])
    func poolAcceptsQueues(kind: PoolSpec.Kind, queueName: String?, accepted: Bool) {
        #expect(PoolSpec(kind: kind, threads: 1).accepts(queueName: queueName) == accepted)
    }

    @Test func selectionAcceptsWhenAnyPoolDoes() throws {
        let selection = try QueueSelection.parse("a:1;b:1", defaultThreads: 5)
        #expect(selection.accepts(queueName: "a"))
        #expect(selection.accepts(queueName: "b"))
        #expect(!selection.accepts(queueName: "c"))
        #expect(!selection.accepts(queueName: nil))
    }

    @Test func writesItsOwnSyntax() throws {
        let selection = try QueueSelection.parse(" a , b : 2 ;-c;+x,y;*", defaultThreads: 5)
        #expect(selection.description == "a,b:2;-c:5;+x,y:5;*:5")
        #expect(selection.pools.map(\.queuesText) == ["a,b", "-c", "+x,y", "*"])
        #expect(try QueueSelection.parse(selection.description, defaultThreads: 1) == selection)
    }
}

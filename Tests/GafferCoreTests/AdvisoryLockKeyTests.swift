import Foundation
import Testing
@testable import GafferCore

@Suite struct AdvisoryLockKeyTests {
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func md5MatchesRFC1321(text: String, hex: String) {
        #expect(MD5.hexDigest(text) == hex)
    }

    @Test func md5AcrossBlockBoundaries() {
        // 55, 56 and 64 bytes straddle the padding rules; expected values from Python's hashlib.md5.
        #expect(MD5.hexDigest(String(repeating: "a", count: 55)) == "ef1772b6dff9a122358552954ad0df65")
        #expect(MD5.hexDigest(String(repeating: "a", count: 56)) == "3b0c8ac703f828b04c6c197006d17218")
        #expect(MD5.hexDigest(String(repeating: "a", count: 64)) == "014842d480b571495a4a0363793f7367")
        #expect(MD5.hexDigest("héllo") == "be50e8478cf24ff3595bc7307fb91b50")
    }

    @Test func goodJobTestVector() {
        let id = UUID(uuidString: "0B7C1F0E-5C2F-4A3B-9F0A-3C9D2B1E4A55")!
        let key = AdvisoryLockKey.forJob(id: id)
        #expect(key.text == "good_jobs-0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55")
        #expect(MD5.hexDigest(key.text) == "70510c0f5e9dcfb19045e42a714601d2")
        #expect(key.value == 8_093_263_265_512_935_345)
        #expect(key.classid == 1_884_359_695)
        #expect(key.objid == 1_587_400_625)
        #expect(AdvisoryLockKey.hash("good_jobs-0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55") == 8_093_263_265_512_935_345)
    }

    @Test func negativeKeysSplitIntoUnsignedHalves() {
        // md5("abc") starts 900150983cd24fb0: the sign bit is set.
        let key = AdvisoryLockKey(text: "abc")
        #expect(key.value == Int64(bitPattern: 0x9001_5098_3CD2_4FB0))
        #expect(key.value < 0)
        #expect(key.classid == 0x9001_5098)
        #expect(key.objid == 0x3CD2_4FB0)
    }

    @Test func processAndBatchPrefixes() {
        let id = UUID(uuidString: "0B7C1F0E-5C2F-4A3B-9F0A-3C9D2B1E4A55")!
        #expect(AdvisoryLockKey.forProcess(id: id).text == "good_job_processes-0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55")
        #expect(AdvisoryLockKey.forBatch(id: id).text == "good_job_batches-0b7c1f0e-5c2f-4a3b-9f0a-3c9d2b1e4a55")
    }
}

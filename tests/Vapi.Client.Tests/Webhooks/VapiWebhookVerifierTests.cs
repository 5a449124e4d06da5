using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vapi.Client.Tests.Webhooks;

public class VapiWebhookVerifierTests
{
    private const string Secret = "whsec_live_4b8f2c9e1a7d3f6b0e5c";
    private const string Body = """{"message":{"type":"status-update","status":"ended","endedReason":"customer-ended-call"}}""";

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly FixedTimeProvider Clock = new(Now);

    private static string Milliseconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // Computed independently of the verifier: HMAC-SHA256 over "{timestamp}.{body}", lower-case hex.
    private static string Sign(string timestamp, string body, string secret = Secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(secret), Utf8($"{timestamp}.{body}")));

    private static VapiWebhookVerifier Default(Action<VapiHmacOptions>? configure = null)
    {
        var options = new VapiHmacOptions { SecretKey = Secret };
        configure?.Invoke(options);
        return VapiWebhookVerifier.ForHmac(options, Clock);
    }

    private static Dictionary<string, string> Headers(string? signature, string? timestamp)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (signature is not null)
        {
            headers["x-signature"] = signature;
        }

        if (timestamp is not null)
        {
            headers["x-timestamp"] = timestamp;
        }

        return headers;
    }

    private static VapiWebhookVerification Verify(VapiWebhookVerifier verifier, IDictionary<string, string> headers, string body) =>
        verifier.Verify(name => headers.TryGetValue(name, out var value) ? value : null, Utf8(body));

    private static void AssertFails(VapiWebhookVerification result, VapiWebhookFailure failure, params string[] mustNotMention)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Failure, Is.EqualTo(failure));
            Assert.That(result.Reason, Is.Not.Empty);
            Assert.That(result.Reason, Does.Not.Contain(Secret));
            foreach (var text in mustNotMention)
            {
                Assert.That(result.Reason, Does.Not.Contain(text).IgnoreCase);
            }
        });
    }

    private static void AssertValid(VapiWebhookVerification result)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Reason);
            Assert.That(result.Failure, Is.EqualTo(VapiWebhookFailure.None));
        });
    }

    [Test]
    public void The_defaults_are_Vapis()
    {
        var options = new VapiHmacOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Algorithm, Is.EqualTo(VapiHmacAlgorithm.Sha256));
            Assert.That(options.SignatureEncoding, Is.EqualTo(VapiSignatureEncoding.Hex));
            Assert.That(options.SignatureHeader, Is.EqualTo("x-signature"));
            Assert.That(options.TimestampHeader, Is.EqualTo("x-timestamp"));
            Assert.That(options.IncludeTimestamp, Is.True);
            Assert.That(options.PayloadFormat, Is.Null);
            Assert.That(options.SignaturePrefix, Is.Null);
            Assert.That(options.Tolerance, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(options.SecretIsBase64, Is.False);
        });
    }

    [Test]
    public void A_valid_signature_passes()
    {
        var ts = Milliseconds(Now);

        var result = Verify(Default(), Headers(Sign(ts, Body), ts), Body);

        AssertValid(result);
        Assert.That(result.Reason, Does.Not.Contain(Sign(ts, Body)));
    }

    [Test]
    public void Upper_case_hex_is_accepted()
    {
        var ts = Milliseconds(Now);

        AssertValid(Verify(Default(), Headers(Sign(ts, Body).ToUpperInvariant(), ts), Body));
    }

    [Test]
    public void Surrounding_white_space_in_the_headers_is_ignored()
    {
        var ts = Milliseconds(Now);

        AssertValid(Verify(Default(), Headers("  " + Sign(ts, Body) + " ", " " + ts + " "), Body));
    }

    [Test]
    public void A_body_changed_by_one_byte_fails()
    {
        var ts = Milliseconds(Now);
        var signature = Sign(ts, Body);
        var bytes = Utf8(Body);
        bytes[^3] ^= 0x01;

        var result = Default().Verify(name => Headers(signature, ts).GetValueOrDefault(name), bytes);

        AssertFails(result, VapiWebhookFailure.SignatureMismatch, signature);
    }

    [Test]
    public void An_appended_byte_fails()
    {
        var ts = Milliseconds(Now);

        AssertFails(Verify(Default(), Headers(Sign(ts, Body), ts), Body + " "), VapiWebhookFailure.SignatureMismatch);
    }

    [Test]
    public void A_signature_made_with_another_secret_fails()
    {
        var ts = Milliseconds(Now);
        var signature = Sign(ts, Body, "whsec_live_someone_else_0000000");

        AssertFails(Verify(Default(), Headers(signature, ts), Body), VapiWebhookFailure.SignatureMismatch, signature);
    }

    [Test]
    public void A_signature_of_another_timestamp_fails()
    {
        var signed = Milliseconds(Now);
        var sent = Milliseconds(Now.AddSeconds(-1));

        AssertFails(Verify(Default(), Headers(Sign(signed, Body), sent), Body), VapiWebhookFailure.SignatureMismatch);
    }

    [Test]
    public void The_same_instant_in_seconds_and_milliseconds_is_a_different_payload()
    {
        // The timestamp is signed as the header's text, not as the instant it denotes.
        var signature = Sign(Milliseconds(Now), Body);

        AssertFails(Verify(Default(), Headers(signature, Seconds(Now)), Body), VapiWebhookFailure.SignatureMismatch);
    }

    [TestCase(-6 * 60, TestName = "Six minutes old")]
    [TestCase(6 * 60, TestName = "Six minutes in the future")]
    [TestCase(-24 * 3600, TestName = "A day old")]
    [TestCase(-5 * 60 - 1, TestName = "Just over five minutes old")]
    public void A_stale_timestamp_fails_even_with_a_valid_signature(int offsetSeconds)
    {
        foreach (var ts in new[] { Milliseconds(Now.AddSeconds(offsetSeconds)), Seconds(Now.AddSeconds(offsetSeconds)) })
        {
            var signature = Sign(ts, Body);

            AssertFails(Verify(Default(), Headers(signature, ts), Body), VapiWebhookFailure.StaleTimestamp, signature);
        }
    }

    [TestCase(0)]
    [TestCase(-299)]
    [TestCase(299)]
    [TestCase(-60)]
    public void A_fresh_timestamp_passes_in_seconds_and_in_milliseconds(int offsetSeconds)
    {
        var at = Now.AddSeconds(offsetSeconds);
        foreach (var ts in new[] { Milliseconds(at), Seconds(at) })
        {
            AssertValid(Verify(Default(), Headers(Sign(ts, Body), ts), Body));
        }
    }

    [Test]
    public void A_custom_tolerance_is_applied()
    {
        var ts = Milliseconds(Now.AddSeconds(-90));
        var verifier = Default(o => o.Tolerance = TimeSpan.FromMinutes(1));

        AssertFails(Verify(verifier, Headers(Sign(ts, Body), ts), Body), VapiWebhookFailure.StaleTimestamp);
        AssertValid(Verify(Default(o => o.Tolerance = TimeSpan.FromMinutes(2)), Headers(Sign(ts, Body), ts), Body));
    }

    [Test]
    public void An_ISO_8601_timestamp_is_accepted_when_fresh()
    {
        const string ts = "2026-01-01T11:59:30Z";

        AssertValid(Verify(Default(), Headers(Sign(ts, Body), ts), Body));
    }

    [Test]
    public void The_system_clock_is_used_by_default()
    {
        var ts = Milliseconds(DateTimeOffset.UtcNow);
        var verifier = VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = Secret });

        AssertValid(Verify(verifier, Headers(Sign(ts, Body), ts), Body));
        var old = Milliseconds(DateTimeOffset.UtcNow.AddHours(-1));
        AssertFails(Verify(verifier, Headers(Sign(old, Body), old), Body), VapiWebhookFailure.StaleTimestamp);
    }

    [TestCase(null, TestName = "Signature header absent")]
    [TestCase("", TestName = "Signature header empty")]
    [TestCase("   ", TestName = "Signature header blank")]
    public void A_missing_signature_header_fails(string? signature)
    {
        AssertFails(Verify(Default(), Headers(signature, Milliseconds(Now)), Body), VapiWebhookFailure.MissingHeader);
    }

    [TestCase(null, TestName = "Timestamp header absent")]
    [TestCase("", TestName = "Timestamp header empty")]
    [TestCase("yesterday", TestName = "Timestamp is a word")]
    [TestCase("-1767268800000", TestName = "Timestamp is negative")]
    [TestCase("NaN", TestName = "Timestamp is NaN")]
    [TestCase("Infinity", TestName = "Timestamp is infinite")]
    [TestCase("1e30", TestName = "Timestamp is beyond year 9999")]
    [TestCase("0x1767268800", TestName = "Timestamp is hexadecimal")]
    public void A_missing_or_garbage_timestamp_fails(string? timestamp)
    {
        var signature = Sign(timestamp ?? string.Empty, Body);

        AssertFails(Verify(Default(), Headers(signature, timestamp), Body), VapiWebhookFailure.InvalidTimestamp, signature);
    }

    [TestCase("not-hex-at-all", TestName = "Not hex")]
    [TestCase("abc", TestName = "Odd number of hex digits")]
    [TestCase("zz00", TestName = "Non-hex characters")]
    [TestCase("00", TestName = "Too short")]
    public void A_malformed_signature_fails_without_throwing(string signature)
    {
        var ts = Milliseconds(Now);

        VapiWebhookVerification result = default;
        Assert.DoesNotThrow(() => result = Verify(Default(), Headers(signature, ts), Body));
        AssertFails(result, VapiWebhookFailure.SignatureMismatch);
    }

    [Test]
    public void A_signature_one_byte_too_long_fails()
    {
        var ts = Milliseconds(Now);

        AssertFails(Verify(Default(), Headers(Sign(ts, Body) + "00", ts), Body), VapiWebhookFailure.SignatureMismatch);
    }

    [Test]
    public void Header_names_are_looked_up_case_insensitively_in_a_header_list()
    {
        var ts = Milliseconds(Now);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/json"),
            new("X-Signature", Sign(ts, Body)),
            new("X-TIMESTAMP", ts),
        };

        AssertValid(Default().Verify(headers, Utf8(Body)));
    }

    [Test]
    public void A_header_list_given_as_a_lazy_sequence_is_read()
    {
        var ts = Milliseconds(Now);
        var signature = Sign(ts, Body);
        IEnumerable<KeyValuePair<string, string>> Lazy()
        {
            yield return new("x-Timestamp", ts);
            yield return new("x-Signature", signature);
        }

        AssertValid(Default().Verify(Lazy(), Utf8(Body)));
    }

    [Test]
    public void A_header_list_without_the_signature_fails_with_MissingHeader()
    {
        var headers = new[] { new KeyValuePair<string, string>("x-timestamp", Milliseconds(Now)) };

        AssertFails(Default().Verify(headers, Utf8(Body)), VapiWebhookFailure.MissingHeader);
    }

    [Test]
    public void SHA512_is_supported()
    {
        var ts = Milliseconds(Now);
        var signature = Convert.ToHexStringLower(HMACSHA512.HashData(Utf8(Secret), Utf8($"{ts}.{Body}")));
        var verifier = Default(o => o.Algorithm = VapiHmacAlgorithm.Sha512);

        AssertValid(Verify(verifier, Headers(signature, ts), Body));
        AssertFails(Verify(verifier, Headers(Sign(ts, Body), ts), Body), VapiWebhookFailure.SignatureMismatch);
        AssertFails(Verify(Default(), Headers(signature, ts), Body), VapiWebhookFailure.SignatureMismatch);
    }

    [Test]
    public void SHA1_is_supported()
    {
        var ts = Milliseconds(Now);
#pragma warning disable CA5350 // the legacy algorithm under test
        var signature = Convert.ToHexStringLower(HMACSHA1.HashData(Utf8(Secret), Utf8($"{ts}.{Body}")));
#pragma warning restore CA5350
        var verifier = Default(o => o.Algorithm = VapiHmacAlgorithm.Sha1);

        AssertValid(Verify(verifier, Headers(signature, ts), Body));
        AssertFails(Verify(verifier, Headers(Sign(ts, Body), ts), Body), VapiWebhookFailure.SignatureMismatch);
    }

    [Test]
    public void A_base64_signature_is_supported()
    {
        var ts = Milliseconds(Now);
        var mac = HMACSHA256.HashData(Utf8(Secret), Utf8($"{ts}.{Body}"));
        var verifier = Default(o => o.SignatureEncoding = VapiSignatureEncoding.Base64);

        AssertValid(Verify(verifier, Headers(Convert.ToBase64String(mac), ts), Body));
        AssertFails(Verify(verifier, Headers(Convert.ToHexStringLower(mac), ts), Body), VapiWebhookFailure.SignatureMismatch);
        AssertFails(Verify(verifier, Headers("%%%not base64%%%", ts), Body), VapiWebhookFailure.SignatureMismatch);
    }

    [Test]
    public void A_signature_prefix_is_stripped()
    {
        var ts = Milliseconds(Now);
        var signature = Sign(ts, Body);
        var verifier = Default(o => o.SignaturePrefix = "sha256=");

        AssertValid(Verify(verifier, Headers("sha256=" + signature, ts), Body));
        AssertValid(Verify(verifier, Headers("SHA256=" + signature, ts), Body));
        AssertFails(Verify(verifier, Headers("sha256=" + Sign(ts, Body + "x"), ts), Body), VapiWebhookFailure.SignatureMismatch);
        AssertFails(Verify(Default(), Headers("sha256=" + signature, ts), Body), VapiWebhookFailure.SignatureMismatch, "sha256=" + signature);
    }

    [Test]
    public void A_base64_secret_is_decoded_into_the_key()
    {
        var key = new byte[] { 0x00, 0xff, 0x10, 0x80, 0x7f, 0x01, 0xfe, 0x42, 0x99, 0xc3, 0x28, 0x00, 0xa0, 0xe2, 0x82, 0x28 };
        var secret = Convert.ToBase64String(key);
        var ts = Milliseconds(Now);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Utf8($"{ts}.{Body}")));

        var decoding = VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = secret, SecretIsBase64 = true }, Clock);
        var literal = VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = secret }, Clock);

        AssertValid(Verify(decoding, Headers(signature, ts), Body));
        AssertFails(Verify(literal, Headers(signature, ts), Body), VapiWebhookFailure.SignatureMismatch);
        AssertValid(Verify(literal, Headers(Sign(ts, Body, secret), ts), Body));
    }

    [Test]
    public void A_custom_payload_format_with_method_url_and_message_id_is_signed()
    {
        const string method = "POST";
        const string url = "https://hooks.example.com/vapi?tenant=acme";
        const string messageId = "msg_2Lx9Qd7Yp";
        var ts = Seconds(Now);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), Utf8($"{messageId}.{ts}.{method} {url}.{Body}")));
        var verifier = Default(o =>
        {
            o.PayloadFormat = "{svix-id}.{timestamp}.{method} {url}.{body}";
            o.MessageIdHeader = "svix-id";
        });
        var headers = Headers(signature, ts);
        headers["svix-id"] = messageId;

        Assert.Multiple(() =>
        {
            Assert.That(verifier.Verify(n => headers.GetValueOrDefault(n), Utf8(Body), method, url).IsValid, Is.True);
            Assert.That(verifier.Verify(n => headers.GetValueOrDefault(n), Utf8(Body), "PUT", url).Failure, Is.EqualTo(VapiWebhookFailure.SignatureMismatch));
            Assert.That(verifier.Verify(n => headers.GetValueOrDefault(n), Utf8(Body), method, url + "&x=1").Failure, Is.EqualTo(VapiWebhookFailure.SignatureMismatch));
            Assert.That(verifier.Verify(n => headers.GetValueOrDefault(n), Utf8(Body + " "), method, url).Failure, Is.EqualTo(VapiWebhookFailure.SignatureMismatch));
        });

        headers["svix-id"] = "msg_other";
        Assert.That(verifier.Verify(n => headers.GetValueOrDefault(n), Utf8(Body), method, url).Failure, Is.EqualTo(VapiWebhookFailure.SignatureMismatch));
    }

    [Test]
    public void An_unknown_placeholder_is_signed_as_literal_text()
    {
        var ts = Milliseconds(Now);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), Utf8($"v1:{{other}}:{ts}:{Body}")));
        var verifier = Default(o => o.PayloadFormat = "v1:{other}:{timestamp}:{body}");

        AssertValid(Verify(verifier, Headers(signature, ts), Body));
    }

    [Test]
    public void Without_a_timestamp_just_the_body_is_signed_and_no_timestamp_header_is_needed()
    {
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), Utf8(Body)));
        var verifier = Default(o => o.IncludeTimestamp = false);

        AssertValid(Verify(verifier, Headers(signature, timestamp: null), Body));
        AssertValid(Verify(verifier, Headers(signature, "garbage"), Body));   // not read at all
        AssertFails(Verify(verifier, Headers(signature, null), Body + "x"), VapiWebhookFailure.SignatureMismatch);
        AssertFails(Verify(Default(), Headers(signature, null), Body), VapiWebhookFailure.InvalidTimestamp);
    }

    [Test]
    public void Body_bytes_that_are_not_UTF8_are_signed_as_they_are()
    {
        byte[] body = [0x7b, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x7d];
        var ts = Milliseconds(Now);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), Utf8(ts + ".").Concat(body).ToArray()));
        var lossy = Utf8(Encoding.UTF8.GetString(body));   // what a decode and re-encode would sign instead
        Assert.That(lossy, Is.Not.EqualTo(body), "the bytes really are not UTF-8");
        var headers = Headers(signature, ts);

        Assert.Multiple(() =>
        {
            Assert.That(Default().Verify(n => headers.GetValueOrDefault(n), body).IsValid, Is.True);
            Assert.That(Default().Verify(n => headers.GetValueOrDefault(n), lossy).Failure, Is.EqualTo(VapiWebhookFailure.SignatureMismatch));
        });

        var bodyOnly = Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), body));
        Assert.That(
            Default(o => o.IncludeTimestamp = false).Verify(n => n == "x-signature" ? bodyOnly : null, body).IsValid,
            Is.True);
    }

    [Test]
    public void An_empty_body_can_be_verified()
    {
        var ts = Milliseconds(Now);

        AssertValid(Verify(Default(), Headers(Sign(ts, string.Empty), ts), string.Empty));
    }

    [Test]
    public void Custom_header_names_are_used()
    {
        var ts = Milliseconds(Now);
        var verifier = Default(o =>
        {
            o.SignatureHeader = "X-Vapi-Signature";
            o.TimestampHeader = "X-Vapi-Timestamp";
        });
        var headers = new[] { new KeyValuePair<string, string>("x-vapi-signature", Sign(ts, Body)), new KeyValuePair<string, string>("x-vapi-timestamp", ts) };

        AssertValid(verifier.Verify(headers, Utf8(Body)));
        AssertFails(verifier.Verify(Headers(Sign(ts, Body), ts), Utf8(Body)), VapiWebhookFailure.MissingHeader);
    }

    [Test]
    public void The_options_are_copied_when_the_verifier_is_made()
    {
        var ts = Milliseconds(Now);
        var options = new VapiHmacOptions { SecretKey = Secret };
        var verifier = VapiWebhookVerifier.ForHmac(options, Clock);

        options.SecretKey = "changed-afterwards";
        options.SignatureHeader = "x-other";
        options.Algorithm = VapiHmacAlgorithm.Sha512;

        AssertValid(Verify(verifier, Headers(Sign(ts, Body), ts), Body));
    }

    [Test]
    public void No_reason_ever_contains_the_secret_or_the_signature()
    {
        var ts = Milliseconds(Now);
        var good = Sign(ts, Body);
        var wrong = Sign(ts, Body, "whsec_live_someone_else_0000000");
        var stale = Milliseconds(Now.AddHours(-1));
        var verifier = Default(o => o.SignaturePrefix = "sha256=");
        var results = new[]
        {
            Verify(verifier, Headers("sha256=" + good, ts), Body),
            Verify(verifier, Headers("sha256=" + wrong, ts), Body),
            Verify(verifier, Headers("sha256=" + good, ts), Body + "x"),
            Verify(verifier, Headers("sha256=" + Sign(stale, Body), stale), Body),
            Verify(verifier, Headers("sha256=" + good, "garbage"), Body),
            Verify(verifier, Headers("sha256=zz" + good, ts), Body),
            Verify(verifier, Headers(null, ts), Body),
        };

        Assert.That(results.Select(r => r.Failure), Is.EquivalentTo(new[]
        {
            VapiWebhookFailure.None, VapiWebhookFailure.SignatureMismatch, VapiWebhookFailure.SignatureMismatch, VapiWebhookFailure.StaleTimestamp,
            VapiWebhookFailure.InvalidTimestamp, VapiWebhookFailure.SignatureMismatch, VapiWebhookFailure.MissingHeader,
        }));
        foreach (var result in results)
        {
            Assert.Multiple(() =>
            {
                Assert.That(result.Reason, Is.Not.Empty);
                Assert.That(result.Reason, Does.Not.Contain(Secret));
                Assert.That(result.Reason, Does.Not.Contain(good).IgnoreCase);
                Assert.That(result.Reason, Does.Not.Contain(wrong).IgnoreCase);
                Assert.That(result.Reason, Does.Not.Contain(good[..16]).IgnoreCase, "not even a part of it");
            });
        }
    }

    [Test]
    public void ForHmac_refuses_invalid_options()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => VapiWebhookVerifier.ForHmac(null!));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions()));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = string.Empty }));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = "not base64!!", SecretIsBase64 = true }));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = Secret, SignatureHeader = string.Empty }));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = Secret, TimestampHeader = string.Empty }));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = Secret, Algorithm = (VapiHmacAlgorithm)42 }));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = Secret, SignatureEncoding = (VapiSignatureEncoding)42 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = Secret, Tolerance = TimeSpan.Zero }));
            Assert.Throws<ArgumentOutOfRangeException>(() => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = Secret, Tolerance = TimeSpan.FromSeconds(-1) }));
        });
    }

    [Test]
    public void The_secret_is_not_in_the_argument_error_messages()
    {
        var thrown = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForHmac(new VapiHmacOptions { SecretKey = "not base64 " + Secret, SecretIsBase64 = true }));

        Assert.That(thrown!.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public void Without_a_timestamp_the_tolerance_and_timestamp_header_are_not_checked()
    {
        Assert.DoesNotThrow(() => VapiWebhookVerifier.ForHmac(new VapiHmacOptions
        {
            SecretKey = Secret, IncludeTimestamp = false, Tolerance = TimeSpan.Zero, TimestampHeader = string.Empty,
        }));
    }

    [Test]
    public void Verify_refuses_null_headers()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => Default().Verify((IEnumerable<KeyValuePair<string, string>>)null!, Utf8(Body)));
            Assert.Throws<ArgumentNullException>(() => Default().Verify((Func<string, string?>)null!, Utf8(Body)));
        });
    }
}

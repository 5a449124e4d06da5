namespace Vapi.Client.Tests.Webhooks;

public class VapiWebhookTokenVerifierTests
{
    private const string Token = "tok_live_8c1f4e7a2b9d6035e1aa";
    private static readonly byte[] Body = "{\"message\":{\"type\":\"hang\"}}"u8.ToArray();

    private static VapiWebhookVerification Verify(VapiWebhookVerifier verifier, params (string Name, string Value)[] headers) =>
        verifier.Verify(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), Body);

    private static void AssertFails(VapiWebhookVerification result, VapiWebhookFailure failure)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Failure, Is.EqualTo(failure));
            Assert.That(result.Reason, Is.Not.Empty);
            Assert.That(result.Reason, Does.Not.Contain(Token));
            Assert.That(result.Reason, Does.Not.Contain("tok_"));
        });
    }

    [TestCase("Bearer " + Token)]
    [TestCase("bearer " + Token)]
    [TestCase("BEARER " + Token)]
    [TestCase("Bearer " + Token + "  ")]
    public void A_bearer_token_passes(string authorization)
    {
        var result = Verify(VapiWebhookVerifier.ForBearerToken(Token), ("Authorization", authorization));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Reason);
            Assert.That(result.Failure, Is.EqualTo(VapiWebhookFailure.None));
            Assert.That(result.Reason, Does.Not.Contain(Token));
        });
    }

    [Test]
    public void The_authorization_header_is_looked_up_case_insensitively()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Verify(VapiWebhookVerifier.ForBearerToken(Token), ("authorization", "Bearer " + Token)).IsValid, Is.True);
            Assert.That(Verify(VapiWebhookVerifier.ForBearerToken(Token), ("AUTHORIZATION", "Bearer " + Token)).IsValid, Is.True);
        });
    }

    [TestCase("Bearer tok_live_8c1f4e7a2b9d6035e1ab", TestName = "Last character differs")]
    [TestCase("Bearer tok_live_8c1f4e7a2b9d6035e1a", TestName = "One character short")]
    [TestCase("Bearer tok_live_8c1f4e7a2b9d6035e1aa0", TestName = "One character long")]
    [TestCase("Bearer TOK_LIVE_8C1F4E7A2B9D6035E1AA", TestName = "Token in another case")]
    [TestCase("Bearer ", TestName = "Empty token")]
    public void A_wrong_token_fails(string authorization)
    {
        AssertFails(Verify(VapiWebhookVerifier.ForBearerToken(Token), ("Authorization", authorization)), VapiWebhookFailure.SecretMismatch);
    }

    [TestCase(Token, TestName = "Token without a prefix")]
    [TestCase("Basic " + Token, TestName = "Basic scheme")]
    [TestCase("Bearer" + Token, TestName = "No space after Bearer")]
    [TestCase("Token " + Token, TestName = "Another scheme")]
    public void A_value_that_is_not_a_bearer_token_fails(string authorization)
    {
        AssertFails(Verify(VapiWebhookVerifier.ForBearerToken(Token), ("Authorization", authorization)), VapiWebhookFailure.SecretMismatch);
    }

    [Test]
    public void A_missing_header_fails()
    {
        Assert.Multiple(() =>
        {
            AssertFails(Verify(VapiWebhookVerifier.ForBearerToken(Token)), VapiWebhookFailure.MissingHeader);
            AssertFails(Verify(VapiWebhookVerifier.ForBearerToken(Token), ("Authorization", string.Empty)), VapiWebhookFailure.MissingHeader);
            AssertFails(Verify(VapiWebhookVerifier.ForBearerToken(Token), ("X-Vapi-Secret", Token)), VapiWebhookFailure.MissingHeader);
        });
    }

    [Test]
    public void A_custom_header_without_a_prefix_holds_the_raw_token()
    {
        var verifier = VapiWebhookVerifier.ForBearerToken(Token, "X-Webhook-Token", bearerPrefix: false);

        Assert.Multiple(() =>
        {
            Assert.That(Verify(verifier, ("x-webhook-token", Token)).IsValid, Is.True);
            AssertFails(Verify(verifier, ("X-Webhook-Token", "Bearer " + Token)), VapiWebhookFailure.SecretMismatch);
            AssertFails(Verify(verifier, ("Authorization", "Bearer " + Token)), VapiWebhookFailure.MissingHeader);
        });
    }

    [Test]
    public void A_custom_header_with_the_prefix_needs_it()
    {
        var verifier = VapiWebhookVerifier.ForBearerToken(Token, "X-Webhook-Auth");

        Assert.Multiple(() =>
        {
            Assert.That(Verify(verifier, ("X-Webhook-Auth", "Bearer " + Token)).IsValid, Is.True);
            AssertFails(Verify(verifier, ("X-Webhook-Auth", Token)), VapiWebhookFailure.SecretMismatch);
        });
    }

    [Test]
    public void The_legacy_secret_header_is_read_from_X_Vapi_Secret()
    {
        var verifier = VapiWebhookVerifier.ForSecretHeader(Token);

        Assert.Multiple(() =>
        {
            Assert.That(Verify(verifier, ("X-Vapi-Secret", Token)).IsValid, Is.True);
            Assert.That(Verify(verifier, ("x-vapi-secret", Token)).IsValid, Is.True);
            AssertFails(Verify(verifier, ("X-Vapi-Secret", Token + "x")), VapiWebhookFailure.SecretMismatch);
            AssertFails(Verify(verifier, ("X-Vapi-Secret", "Bearer " + Token)), VapiWebhookFailure.SecretMismatch);
            AssertFails(Verify(verifier, ("Authorization", "Bearer " + Token)), VapiWebhookFailure.MissingHeader);
        });
    }

    [Test]
    public void The_function_overload_is_given_the_configured_header_name()
    {
        var asked = new List<string>();
        var verifier = VapiWebhookVerifier.ForSecretHeader(Token);

        var result = verifier.Verify(name =>
        {
            asked.Add(name);
            return Token;
        }, Body);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(asked, Is.EqualTo(new[] { "X-Vapi-Secret" }));
        });
    }

    [Test]
    public void The_body_does_not_matter_for_a_token()
    {
        var verifier = VapiWebhookVerifier.ForBearerToken(Token);

        Assert.That(verifier.Verify(n => n == "Authorization" ? "Bearer " + Token : null, ReadOnlySpan<byte>.Empty).IsValid, Is.True);
    }

    [Test]
    public void The_factories_refuse_empty_arguments()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForBearerToken(string.Empty));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForBearerToken(null!));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForBearerToken(Token, string.Empty));
            Assert.Throws(Is.InstanceOf<ArgumentException>(), () => VapiWebhookVerifier.ForSecretHeader(string.Empty));
        });
    }
}

using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Credentials;

public class TrunkCredentialsClientTests
{
    private const string Credentials = TestAccount.V2 + "/trunks/" + TestAccount.TrunkSid + "/credentials";
    private const string Password = "sip-pass-8d1f3a7c";

    [Test]
    public async Task Create_posts_snake_case_fields_and_returns_the_credential_without_password()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Credentials, $$"""{"user_name":"voice_ai_user","password":"{{Password}}","friendly_name":"voice_ai_platform"}""")
            .Respond("application/json", Fixtures.Read("credential-create.json"));

        var credential = await host.Client.Credentials.CreateAsync(
            TestAccount.TrunkSid, new CreateTrunkCredentialRequest("voice_ai_user", Password) { FriendlyName = "voice_ai_platform" });

        Assert.That((credential.Id, credential.UserName, credential.FriendlyName), Is.EqualTo(("1234", "voice_ai_user", "voice_ai_platform")));
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Create_refuses_a_friendly_name_over_32_characters_before_sending()
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Credentials.CreateAsync(
            TestAccount.TrunkSid, new CreateTrunkCredentialRequest("u", Password) { FriendlyName = new string('x', 33) }))!;

        Assert.That(e.ParamName, Is.EqualTo("FriendlyName"));
        Assert.That(e.Message, Does.Contain("at most 32"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void A_password_echoed_by_exotel_in_an_error_is_redacted_from_the_exception()
    {
        using var host = new ExotelTestHost();
        host.ExpectAnyBody(HttpMethod.Post, Credentials)
            .Respond(System.Net.HttpStatusCode.BadRequest, "application/json",
                Fixtures.Failure(400, 400, 1002, "Invalid parameter", $"password '{Password}' is too weak"));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.Credentials.CreateAsync(TestAccount.TrunkSid, new CreateTrunkCredentialRequest("u", Password)))!;

        Assert.That(e.ToString(), Does.Not.Contain(Password));
        Assert.That(e.Description, Does.Not.Contain(Password).And.Contain("***"));
    }

    [Test]
    public async Task List_reads_the_documented_shape_an_empty_list_and_the_older_single_object_shape()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Credentials).Respond("application/json", Fixtures.List(["""{"id":"1234","user_name":"voice_ai_user"}"""]));
        host.ExpectJson(HttpMethod.Get, Credentials).Respond("application/json", Fixtures.Read("list-empty-no-metadata.json"));
        host.ExpectJson(HttpMethod.Get, Credentials)
            .Respond("application/json", Fixtures.Envelope($$"""{"username":"trmum_legacy","password":"{{Password}}"}"""));

        var documented = await host.Client.Credentials.ListAsync(TestAccount.TrunkSid).ToListAsync();
        var empty = await host.Client.Credentials.ListAsync(TestAccount.TrunkSid).ToListAsync();
        var legacy = await host.Client.Credentials.ListAsync(TestAccount.TrunkSid).ToListAsync();

        Assert.That(documented.Single().UserName, Is.EqualTo("voice_ai_user"));
        Assert.That(empty, Is.Empty);
        Assert.That(legacy.Single().UserName, Is.EqualTo("trmum_legacy"));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Update_puts_the_id_in_the_path_and_delete_puts_it_in_the_query()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Put, Credentials + "/1234", """{"friendly_name":"renamed"}""")
            .Respond("application/json", Fixtures.Envelope("""{"id":"1234","friendly_name":"renamed"}"""));
        host.ExpectJson(HttpMethod.Delete, Credentials + "?id=1234").Respond("application/json", Fixtures.Read("credential-create.json"));

        var updated = await host.Client.Credentials.UpdateAsync(TestAccount.TrunkSid, "1234", new UpdateTrunkCredentialRequest { FriendlyName = "renamed" });
        await host.Client.Credentials.DeleteAsync(TestAccount.TrunkSid, "1234");

        Assert.That(updated.FriendlyName, Is.EqualTo("renamed"));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Delete_always_puts_the_id_in_the_query_even_when_paths_are_configured()
    {
        using var host = new ExotelTestHost(o => o.DeleteIdStyle = DeleteIdStyle.Path);
        host.ExpectJson(HttpMethod.Delete, Credentials + "?id=1234").Respond("application/json", Fixtures.Read("credential-create.json"));

        await host.Client.Credentials.DeleteAsync(TestAccount.TrunkSid, "1234");

        host.VerifyAllSatisfied();
    }

    [TestCase("..")]
    [TestCase(".")]
    public void Delete_refuses_a_dot_segment_id_that_would_climb_to_the_trunk(string id)
    {
        using var host = new ExotelTestHost(o => o.DeleteIdStyle = DeleteIdStyle.Path);

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Credentials.DeleteAsync(TestAccount.TrunkSid, id))!;

        Assert.That(e.ParamName, Is.EqualTo("credentialId"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void Requests_never_show_the_password_in_ToString()
    {
        Assert.That(new CreateTrunkCredentialRequest("u", Password).ToString(), Does.Not.Contain(Password).And.Contain("***"));
        Assert.That(new UpdateTrunkCredentialRequest { Password = Password }.ToString(), Does.Not.Contain(Password).And.Contain("***"));
    }
}

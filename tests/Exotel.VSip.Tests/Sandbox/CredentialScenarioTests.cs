using System.Text.Json;
using Exotel.VSip.Internal;

namespace Exotel.VSip.Tests.Sandbox;

/// <summary>
/// SIP digest credentials: the password reaches the sandbox (checked with <c>CredentialPasswordIs</c>, never read back)
/// and appears in no result, no <c>ToString</c> and no exception message.
/// </summary>
public sealed class CredentialScenarioTests : SandboxScenario
{
    // Obviously fake passwords; assertions on them are booleans, so that a failure never prints one.
    private const string Password = "Vx-Digest-Pass-4821";
    private const string NewPassword = "Vx-Rotated-Pass-9034";

    [Test]
    public async Task Creating_a_credential_stores_the_password_sent_and_returns_none()
    {
        var trunk = await CreateTrunkAsync();
        var request = new CreateTrunkCredentialRequest("vx_user", Password) { FriendlyName = "vapi_outbound" };

        var credential = await Client.Credentials.CreateAsync(trunk.Sid, request);

        var post = ReceivedOnce("POST", V2($"trunks/{trunk.Sid}/credentials"));
        var serialized = JsonSerializer.Serialize(credential, ExotelJsonContext.Default.ExotelTrunkCredential);
        Assert.Multiple(() =>
        {
            Assert.That(credential.Id, Does.Match("^[0-9]+$"));
            Assert.That(credential.UserName, Is.EqualTo("vx_user"));
            Assert.That(credential.FriendlyName, Is.EqualTo("vapi_outbound"));
            Assert.That(credential.TrunkSid, Is.EqualTo(trunk.Sid));
            Assert.That(credential.DateCreated, Is.EqualTo(Start));
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk.Sid, "vx_user", Password), Is.True);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk.Sid, "vx_user", NewPassword), Is.False);
            Assert.That(JsonKeys(post), Is.EqualTo(new[] { "user_name", "password", "friendly_name" }));
            Assert.That(serialized.Contains(Password, StringComparison.Ordinal), Is.False, "the credential read back carries the password");
            Assert.That(credential.ToString()!.Contains(Password, StringComparison.Ordinal), Is.False, "the credential's ToString shows the password");
            Assert.That(request.ToString().Contains(Password, StringComparison.Ordinal), Is.False, "the request's ToString shows the password");
            Assert.That(request.ToString(), Does.Contain("Password = ***"));
            Assert.That(Sandbox.Exotel.Credentials(trunk.Sid).Single().ContainsKey("password"), Is.False);
        });
    }

    [Test]
    public async Task Listing_credentials_follows_pages_and_no_item_carries_a_password()
    {
        var trunk = await CreateTrunkAsync();
        foreach (var user in new[] { "vx_a", "vx_b", "vx_c" })
        {
            await Client.Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest(user, Password));
        }

        var listed = await Client.Credentials.ListAsync(trunk.Sid, new ExotelListOptions { PageSize = 2 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(c => c.UserName), Is.EqualTo(new[] { "vx_a", "vx_b", "vx_c" }));
            Assert.That(listed.Select(c => c.TrunkSid), Is.All.EqualTo(trunk.Sid));
            Assert.That(
                listed.Any(c => JsonSerializer.Serialize(c, ExotelJsonContext.Default.ExotelTrunkCredential).Contains(Password, StringComparison.Ordinal)),
                Is.False,
                "a listed credential carries the password");
            Assert.That(
                Received("GET", V2($"trunks/{trunk.Sid}/credentials")).Select(r => r.Query),
                Is.EqualTo(new[] { "?page_size=2", "?offset=2&page_size=2" }));
        });
    }

    [Test]
    public async Task Updating_only_the_password_keeps_the_user_name_and_replaces_the_password()
    {
        var trunk = await CreateTrunkAsync();
        var created = await Client.Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest("vx_user", Password) { FriendlyName = "first" });
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(10));
        var request = new UpdateTrunkCredentialRequest { Password = NewPassword };

        var updated = await Client.Credentials.UpdateAsync(trunk.Sid, created.Id, request);
        var relabelled = await Client.Credentials.UpdateAsync(trunk.Sid, created.Id, new UpdateTrunkCredentialRequest { UserName = "vx_renamed", FriendlyName = "second" });

        var puts = Received("PUT", V2($"trunks/{trunk.Sid}/credentials/{created.Id}"));
        Assert.Multiple(() =>
        {
            Assert.That((updated.Id, updated.UserName, updated.FriendlyName), Is.EqualTo((created.Id, "vx_user", "first")));
            Assert.That(updated.DateUpdated, Is.EqualTo(Start.AddMinutes(10)));
            Assert.That((relabelled.UserName, relabelled.FriendlyName), Is.EqualTo(("vx_renamed", "second")));
            Assert.That(puts.Select(JsonKeys), Is.EqualTo(new[] { new[] { "password" }, new[] { "user_name", "friendly_name" } }));
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk.Sid, "vx_renamed", NewPassword), Is.True);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk.Sid, "vx_renamed", Password), Is.False);
            Assert.That(request.ToString(), Is.EqualTo("UpdateTrunkCredentialRequest { UserName = , Password = ***, FriendlyName =  }"));
        });
    }

    [Test]
    public async Task A_password_the_server_echoes_in_an_error_is_masked_in_the_exception()
    {
        // A user name equal to the next request's password: the duplicate's description quotes it back.
        const string Echoed = "Vx-Echoed-Secret-7731";
        var trunk = await CreateTrunkAsync();
        await Client.Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest(Echoed, Password));

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest(Echoed, Echoed)))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.Message.Contains(Echoed, StringComparison.Ordinal), Is.False, "the exception message shows the password");
            Assert.That(e.ToString().Contains(Echoed, StringComparison.Ordinal), Is.False, "the exception's ToString shows the password");
            Assert.That(e.Description == "Unable to create credential with user_name ***", Is.True, "the description is the server's, with the password masked");
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk.Sid, Echoed, Password), Is.True);
        });
    }

    [Test]
    public async Task Deleting_a_credential_puts_the_id_in_the_query_even_when_path_style_is_configured()
    {
        var trunk = await CreateTrunkAsync();
        var credential = await Client.Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest("vx_user", Password));

        await NewClient(o => o.DeleteIdStyle = DeleteIdStyle.Path).Credentials.DeleteAsync(trunk.Sid, credential.Id);
        var listed = await Client.Credentials.ListAsync(trunk.Sid).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ReceivedOnce("DELETE", V2($"trunks/{trunk.Sid}/credentials")).Query, Is.EqualTo("?id=" + credential.Id));
            Assert.That(Received("DELETE", V2($"trunks/{trunk.Sid}/credentials/{credential.Id}")), Is.Empty);
            Assert.That(listed, Is.Empty);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk.Sid, "vx_user", Password), Is.False);
        });
    }
}

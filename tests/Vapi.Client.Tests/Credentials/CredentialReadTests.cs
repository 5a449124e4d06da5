using System.Net;
using System.Text.Json;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Credentials;

/// <summary><c>GET /credential/{id}</c>, <c>GET /credential</c> and <c>DELETE /credential/{id}</c>.</summary>
public class CredentialReadTests
{
    private const string OpenAiId = "0f7c6b4e-8d1a-4e0b-b8a2-3c9d7e6f5a41";

    [Test]
    public async Task Get_reads_a_trunk_credential_as_ByoSipTrunkCredential()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential/" + TestAccount.CredentialId)
            .Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        var credential = await host.Client.Credentials.GetAsync(TestAccount.CredentialId);

        host.VerifyAllSatisfied();
        Assert.That(credential, Is.TypeOf<ByoSipTrunkCredential>());
        var trunk = (ByoSipTrunkCredential)credential;
        Assert.Multiple(() =>
        {
            Assert.That(trunk.Id, Is.EqualTo(TestAccount.CredentialId));
            Assert.That(trunk.Provider, Is.EqualTo(VapiCredentialProvider.ByoSipTrunk));
            Assert.That(trunk.Gateways.Select(g => g.Ip), Is.EqualTo(new[] { "129.154.231.198", "54.171.127.192" }));
            Assert.That(trunk.TechPrefix, Is.EqualTo("99"));
            Assert.That(trunk.AdditionalProperties, Is.Null.Or.Empty, "every member of a trunk credential is declared");
        });
    }

    [Test]
    public async Task Get_reads_another_providers_credential_as_the_base_type_and_keeps_its_members()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential/" + OpenAiId).Respond("application/json", Fixtures.Read("cred-openai.json"));

        var credential = await host.Client.Credentials.GetAsync(OpenAiId);

        host.VerifyAllSatisfied();
        Assert.That(credential, Is.TypeOf<VapiCredential>());
        Assert.Multiple(() =>
        {
            Assert.That(credential.Id, Is.EqualTo(OpenAiId));
            Assert.That(credential.Provider?.Value, Is.EqualTo("openai"));
            Assert.That(credential.Name, Is.EqualTo("OpenAI key"));
            Assert.That(credential.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 11, 9, 30, 0, 500, TimeSpan.Zero)));
            Assert.That(credential.AdditionalProperties, Is.Not.Null);
            Assert.That(credential.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "apiKey", "authenticationSession" }));
            Assert.That(credential.AdditionalProperties["apiKey"].GetString(), Is.EqualTo("sk-test-not-a-real-key"));
            Assert.That(credential.AdditionalProperties["authenticationSession"].ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(credential.AdditionalProperties["authenticationSession"].GetProperty("expiresAt").GetString(), Is.EqualTo("2026-12-31T00:00:00.000Z"));
        });
    }

    [Test]
    public async Task GetSipTrunk_returns_a_trunk_credential()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential/" + TestAccount.CredentialId)
            .Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        var trunk = await host.Client.Credentials.GetSipTrunkAsync(TestAccount.CredentialId);

        host.VerifyAllSatisfied();
        Assert.That(trunk.Gateways, Has.Count.EqualTo(2));
    }

    [Test]
    public void GetSipTrunk_fails_for_another_providers_credential()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential/" + OpenAiId).Respond("application/json", Fixtures.Read("cred-openai.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.GetSipTrunkAsync(OpenAiId))!;

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("'openai'"));
            Assert.That(ex.Message, Does.Contain("not a BYO SIP trunk credential"));
            Assert.That(ex.Message, Does.Not.Contain("sk-test-not-a-real-key"));
            Assert.That(ex.Operation, Is.EqualTo("GET /credential/{id}"));
            Assert.That(ex.IsNotFound, Is.False);
        });
    }

    [Test]
    public async Task List_gets_the_collection_without_a_query_and_keeps_every_provider_in_order()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential").Respond("application/json", Fixtures.Read("credential-list.json"));

        var credentials = new List<VapiCredential>();
        await foreach (var credential in host.Client.Credentials.ListAsync())
        {
            credentials.Add(credential);
        }

        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(1));
        Assert.That(credentials, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(credentials[0], Is.TypeOf<ByoSipTrunkCredential>());
            Assert.That(credentials[0].Id, Is.EqualTo(TestAccount.CredentialId));
            Assert.That(((ByoSipTrunkCredential)credentials[0]).Gateways.Single().OutboundProtocol, Is.EqualTo(SipGatewayProtocol.Tcp));
            Assert.That(((ByoSipTrunkCredential)credentials[0]).OutboundLeadingPlusEnabled, Is.True);

            Assert.That(credentials[1], Is.TypeOf<VapiCredential>());
            Assert.That(credentials[1].Provider?.Value, Is.EqualTo("openai"));
            Assert.That(credentials[1].AdditionalProperties?["apiKey"].GetString(), Is.EqualTo("sk-test-not-a-real-key"));

            Assert.That(credentials[2], Is.TypeOf<VapiCredential>());
            Assert.That(credentials[2].Provider, Is.EqualTo(new VapiCredentialProvider("some-future-provider")));
            Assert.That(credentials[2].Name, Is.Null);
            Assert.That(credentials[2].AdditionalProperties?["region"].GetString(), Is.EqualTo("ap-south-1"));
        });
    }

    [Test]
    public async Task List_sends_nothing_until_enumerated()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential").Respond("application/json", Fixtures.Read("credential-list.json"));

        var list = host.Client.Credentials.ListAsync();
        Assert.That(host.SentCount, Is.Zero);

        var trunks = new List<ByoSipTrunkCredential>();
        await foreach (var trunk in list)
        {
            if (trunk is ByoSipTrunkCredential byo)
            {
                trunks.Add(byo);
            }
        }

        Assert.That(trunks.Select(t => t.Name), Is.EqualTo(new[] { "vx-exotel-acme1-trunk1" }));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task List_of_an_empty_organisation_is_empty()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential").Respond("application/json", "[]");

        var count = 0;
        await foreach (var _ in host.Client.Credentials.ListAsync())
        {
            count++;
        }

        host.VerifyAllSatisfied();
        Assert.That(count, Is.Zero);
    }

    [Test]
    public void List_fails_readably_when_the_answer_is_not_an_array()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential").Respond("application/json", """{"items":[]}""");

        var ex = Assert.ThrowsAsync<VapiException>(async () =>
        {
            await foreach (var _ in host.Client.Credentials.ListAsync())
            {
            }
        })!;

        Assert.That(ex.Message, Does.Contain("expected a JSON array"));
    }

    [Test]
    public async Task Delete_sends_a_DELETE_without_a_body()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Delete, "credential/" + TestAccount.CredentialId).Respond(HttpStatusCode.OK);

        await host.Client.Credentials.DeleteAsync(TestAccount.CredentialId);

        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_accepts_the_deleted_credential_as_the_answer()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Delete, "credential/" + TestAccount.CredentialId).Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.DeleteAsync(TestAccount.CredentialId);

        host.VerifyAllSatisfied();
    }

    [Test]
    public void A_gateway_without_settings_takes_vapis_defaults()
    {
        var gateway = new SipTrunkGateway { Ip = "129.154.231.198" };

        Assert.Multiple(() =>
        {
            Assert.That(gateway.EffectivePort, Is.EqualTo(5060));
            Assert.That(gateway.EffectiveNetmask, Is.EqualTo(32));
            Assert.That(gateway.IsInboundEnabled, Is.True);
            Assert.That(gateway.IsOutboundEnabled, Is.True);
            Assert.That(gateway.EffectiveOutboundProtocol, Is.EqualTo(SipGatewayProtocol.Udp));
            Assert.That(gateway.EffectiveOutboundProtocol.Value, Is.EqualTo("udp"));
            Assert.That(SipTrunkGateway.DefaultPort, Is.EqualTo(5060));
            Assert.That(SipTrunkGateway.DefaultNetmask, Is.EqualTo(32));
        });
    }

    [Test]
    public void A_gateway_with_settings_uses_them()
    {
        var gateway = new SipTrunkGateway
        {
            Ip = "129.154.231.198", Port = 5070, Netmask = 28, InboundEnabled = false, OutboundEnabled = false, OutboundProtocol = SipGatewayProtocol.TlsSrtp,
        };

        Assert.Multiple(() =>
        {
            Assert.That(gateway.EffectivePort, Is.EqualTo(5070));
            Assert.That(gateway.EffectiveNetmask, Is.EqualTo(28));
            Assert.That(gateway.IsInboundEnabled, Is.False);
            Assert.That(gateway.IsOutboundEnabled, Is.False);
            Assert.That(gateway.EffectiveOutboundProtocol, Is.EqualTo(SipGatewayProtocol.TlsSrtp));
        });
    }

    [Test]
    public async Task A_gateway_read_without_settings_reports_vapis_defaults()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential/" + TestAccount.CredentialId)
            .Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        var trunk = await host.Client.Credentials.GetSipTrunkAsync(TestAccount.CredentialId);

        var second = trunk.Gateways[1];
        Assert.Multiple(() =>
        {
            Assert.That(second.EffectivePort, Is.EqualTo(5060));
            Assert.That(second.EffectiveNetmask, Is.EqualTo(30));
            Assert.That(second.IsInboundEnabled, Is.True);
            Assert.That(second.IsOutboundEnabled, Is.False);
            Assert.That(second.EffectiveOutboundProtocol, Is.EqualTo(SipGatewayProtocol.Udp));
            Assert.That(trunk.Gateways[0].EffectiveNetmask, Is.EqualTo(32));
        });
    }
}

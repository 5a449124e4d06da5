using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Assistants;

public class AssistantsClientTests
{
    [Test]
    public async Task Get_reads_the_assistant_and_keeps_its_undeclared_configuration()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "assistant/" + TestAccount.AssistantId).Respond("application/json", Fixtures.Read("assistant.json"));

        var assistant = await host.Client.Assistants.GetAsync(TestAccount.AssistantId);

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(assistant.Id, Is.EqualTo(TestAccount.AssistantId));
            Assert.That(assistant.OrgId, Is.EqualTo("424acf80-dbea-4015-ace8-0f3924e60001"));
            Assert.That(assistant.Name, Is.EqualTo("Front desk"));
            Assert.That(assistant.ServerMessages, Is.EqualTo(new[] { "status-update", "end-of-call-report" }));
            Assert.That(assistant.Server!.Url, Is.EqualTo("https://hooks.example.com/vapi"));
            Assert.That(assistant.Server.TimeoutSeconds, Is.EqualTo(20));
            Assert.That(assistant.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero)));
            Assert.That(assistant.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero)));
            Assert.That(assistant.AdditionalProperties, Does.ContainKey("model").And.ContainKey("voice").And.ContainKey("firstMessage"));
            Assert.That(assistant.AdditionalProperties!["model"].GetProperty("model").GetString(), Is.EqualTo("gpt-4o"));
            Assert.That(assistant.AdditionalProperties, Does.Not.ContainKey("name").And.Not.ContainKey("server"));
        });
    }

    [Test]
    public async Task Get_escapes_the_id_in_the_path()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "assistant/a%2Bb%25c").Respond("application/json", """{"id":"a+b%c"}""");

        var assistant = await host.Client.Assistants.GetAsync("a+b%c");

        host.VerifyAllSatisfied();
        Assert.That(assistant.Id, Is.EqualTo("a+b%c"));
    }

    [TestCase("")]
    [TestCase("..")]
    [TestCase("a/../b")]
    [TestCase("a#b")]
    public void Get_refuses_an_id_that_would_change_the_path(string id)
    {
        using var host = new VapiTestHost();

        var e = Assert.CatchAsync<ArgumentException>(() => host.Client.Assistants.GetAsync(id))!;

        Assert.That(e.ParamName, Is.EqualTo("id"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task List_gets_assistants_with_the_default_limit()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "assistant?limit=100")
            .Respond("application/json", $$$"""[{{{Fixtures.Read("assistant.json")}}},{"id":"a2","name":"Night shift","createdAt":"2026-01-01T00:00:00.000Z"}]""");

        var assistants = await host.Client.Assistants.ListAsync().ToListAsync();

        host.VerifyAllSatisfied();
        Assert.That(assistants.Select(a => a.Name), Is.EqualTo(new[] { "Front desk", "Night shift" }));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task List_sends_time_filters_and_is_lazy()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "assistant?limit=5&createdAtGe=2026-01-01T00%3A00%3A00.000Z&updatedAtLe=2026-02-01T00%3A00%3A00.000Z")
            .Respond("application/json", "[]");

        var list = host.Client.Assistants.ListAsync(new VapiListFilter
        {
            PageSize = 5,
            CreatedAtGe = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            UpdatedAtLe = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
        });
        Assert.That(host.SentCount, Is.Zero);

        var assistants = await list.ToListAsync();

        host.VerifyAllSatisfied();
        Assert.That(assistants, Is.Empty);
    }

    [Test]
    public void List_refuses_a_limit_outside_the_range_at_once()
    {
        using var host = new VapiTestHost();

        Assert.Throws<ArgumentOutOfRangeException>(() => host.Client.Assistants.ListAsync(new VapiListFilter { PageSize = 0 }));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void Get_of_an_unknown_assistant_is_not_found()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "assistant/" + TestAccount.AssistantId)
            .Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("asst-not-found.json"));

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Assistants.GetAsync(TestAccount.AssistantId))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsNotFound, Is.True);
            Assert.That(e.Status, Is.EqualTo(404));
            Assert.That(e.Messages, Is.EqualTo(new[] { "Couldn't Get Assistant. Assistant Not Found." }));
            Assert.That(e.Error, Is.EqualTo("Not Found"));
            Assert.That(e.Operation, Is.EqualTo("GET /assistant/{id}"));
            Assert.That(e.Message, Does.Contain("GET /assistant/{id}").And.Contain("Assistant Not Found").And.Contain("HTTP 404"));
            Assert.That(e.Message, Does.Not.Contain(TestAccount.AssistantId));
        });
    }
}

namespace Vapi.Client.Tests.Sandbox;

/// <summary>Assistants are read-only in the client: the seeded one and those a test adds read back by id and by list.</summary>
public sealed class AssistantScenarioTests : SandboxScenario
{
    [Test]
    public async Task The_seeded_assistant_reads_back_by_id_with_its_unmodelled_members_kept()
    {
        var assistant = await Client.Assistants.GetAsync(SeededAssistantId);

        Assert.Multiple(() =>
        {
            Assert.That(assistant.Id, Is.EqualTo(SeededAssistantId));
            Assert.That(assistant.Name, Is.EqualTo("Sandbox Assistant"));
            Assert.That(assistant.OrgId, Is.EqualTo(Sandbox.Vapi.OrgId));
            Assert.That(assistant.CreatedAt, Is.EqualTo(Start));
            Assert.That(assistant.AdditionalProperties?["firstMessage"].GetString(), Is.EqualTo("Hello from the sandbox."));
            Assert.That(assistant.AdditionalProperties?["monitorPlan"].GetRawText(), Is.EqualTo("""{"controlEnabled":true}"""));
        });
    }

    [Test]
    public async Task An_added_assistant_is_listed_before_the_seeded_one_and_reads_back_by_id()
    {
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var added = Sandbox.Vapi.AddAssistant("Collections");

        var listed = await AllAsync(Client.Assistants.ListAsync());
        var got = await Client.Assistants.GetAsync(added);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(a => (a.Id, a.Name)), Is.EqualTo(new[] { (added, "Collections"), (SeededAssistantId, "Sandbox Assistant") }));
            Assert.That(listed[0].CreatedAt, Is.EqualTo(Start.AddMinutes(1)));
            Assert.That(got.Name, Is.EqualTo("Collections"));
        });
    }

    [Test]
    public async Task Assistants_sharing_one_instant_are_listed_once_each_in_pages_of_two()
    {
        var ids = new List<string> { SeededAssistantId };
        for (var i = 1; i <= 4; i++)
        {
            ids.Add(Sandbox.Vapi.AddAssistant($"Agent {i}"));
        }

        var listed = await AllAsync(Client.Assistants.ListAsync(new VapiListFilter { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(a => a.Id), Is.EqualTo(Enumerable.Reverse(ids)));
            Assert.That(listed.Select(a => a.CreatedAt), Is.All.EqualTo(Start));
            Assert.That(RequestsTo("GET", "/assistant"), Has.Count.GreaterThan(1));
        });
    }

    [Test]
    public void An_unknown_assistant_is_not_found()
    {
        var ex = Assert.ThrowsAsync<VapiException>(() => Client.Assistants.GetAsync(Guid.NewGuid().ToString()))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsNotFound, Is.True);
            Assert.That(ex.Status, Is.EqualTo(404));
            Assert.That(ex.Error, Is.EqualTo("Not Found"));
            Assert.That(ex.Messages, Is.EqualTo(new[] { "Assistant not found" }));
            Assert.That(ex.Operation, Is.EqualTo("GET /assistant/{id}"));
        });
    }
}

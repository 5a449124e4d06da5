namespace Vapi.Client.Tests.Sandbox;

/// <summary>
/// The client pages Vapi's cursor-less lists by walking back through <c>createdAtLe</c>; against the sandbox's real
/// filtering, every item comes back exactly once, newest first, whether creation times differ or tie.
/// </summary>
public sealed class ListScenarioTests : SandboxScenario
{
    private string? _credentialId;
    private int _next;

    [SetUp]
    public void ForgetTheTrunk()
    {
        _credentialId = null;
        _next = 0;
    }

    private async Task<string> NumberAsync()
    {
        _credentialId ??= (await CreateTrunkAsync()).Id;
        var number = await CreateNumberAsync(_credentialId, $"+9180474900{_next++:D2}");
        return number.Id;
    }

    private async Task<List<string>> NumbersAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await NumberAsync());
        }

        return ids;
    }

    [Test]
    public async Task Seven_numbers_created_at_three_instants_are_listed_once_each_in_pages_of_three()
    {
        var created = new List<string>();
        created.AddRange(await NumbersAsync(2));   // two tie at 10:00:00
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        created.AddRange(await NumbersAsync(3));   // three tie at 10:00:01
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        created.AddRange(await NumbersAsync(2));   // two tie at 10:00:02

        var listed = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 3 }));

        var pages = RequestsTo("GET", "/phone-number");
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(n => n.Id), Is.EqualTo(Enumerable.Reverse(created)), "each once, newest first");
            Assert.That(pages, Has.Count.GreaterThan(1), "the list was paged");
            Assert.That(pages.Select(p => p.Status), Is.All.EqualTo(200), "every page query is accepted");
            Assert.That(pages[0].Query, Is.EqualTo("?limit=3"));
        });
    }

    [Test]
    public async Task Four_numbers_sharing_one_instant_beyond_the_page_size_are_listed_once_each()
    {
        var created = await NumbersAsync(4);   // a full page and more, all at 10:00:00
        for (var i = 0; i < 3; i++)
        {
            await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
            created.Add(await NumberAsync());
        }

        var listed = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 3 }));

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(n => n.Id), Is.EqualTo(Enumerable.Reverse(created)));
            Assert.That(listed.Select(n => n.Id).Distinct().Count(), Is.EqualTo(7));
            Assert.That(RequestsTo("GET", "/phone-number").Select(p => p.Status), Is.All.EqualTo(200));
        });
    }

    [Test]
    public async Task Created_filters_keep_only_the_numbers_created_in_the_window()
    {
        var first = await NumbersAsync(2);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var second = await NumbersAsync(2);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var third = await NumbersAsync(2);

        var after = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { CreatedAtGt = Start, PageSize = 3 }));
        var upTo = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { CreatedAtLe = Start.AddMinutes(1) }));
        var within = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { CreatedAtGe = Start.AddMinutes(1), CreatedAtLt = Start.AddMinutes(2) }));

        Assert.Multiple(() =>
        {
            Assert.That(after.Select(n => n.Id), Is.EqualTo(Enumerable.Reverse(second.Concat(third))));
            Assert.That(upTo.Select(n => n.Id), Is.EqualTo(Enumerable.Reverse(first.Concat(second))));
            Assert.That(within.Select(n => n.Id), Is.EqualTo(Enumerable.Reverse(second)));
        });
    }

    [Test]
    public async Task Updated_filters_find_the_numbers_that_changed()
    {
        var created = await NumbersAsync(4);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(5));
        await Client.PhoneNumbers.UpdateAsync(created[0], new UpdateByoPhoneNumberRequest { Name = "changed" });
        await Client.PhoneNumbers.UpdateAsync(created[2], new UpdateByoPhoneNumberRequest { Name = "changed" });

        var changed = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { UpdatedAtGe = Start.AddMinutes(5) }));
        var unchanged = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { UpdatedAtLt = Start.AddMinutes(5) }));
        var after = await AllAsync(Client.PhoneNumbers.ListAsync(new VapiListFilter { UpdatedAtGt = Start, UpdatedAtLe = Start.AddMinutes(5) }));

        Assert.Multiple(() =>
        {
            Assert.That(changed.Select(n => n.Id), Is.EqualTo(new[] { created[2], created[0] }));
            Assert.That(changed.Select(n => n.Name), Is.All.EqualTo("changed"));
            Assert.That(unchanged.Select(n => n.Id), Is.EqualTo(new[] { created[3], created[1] }));
            Assert.That(after.Select(n => n.Id), Is.EqualTo(new[] { created[2], created[0] }));
        });
    }

    [Test]
    public async Task A_batch_of_calls_placed_at_one_instant_is_listed_once_each_in_pages_of_two()
    {
        var from = await NumberAsync();
        var batch = await Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = SeededAssistantId,
            PhoneNumberId = from,
            Customers = [.. Enumerable.Range(0, 5).Select(i => new VapiCustomer { Number = $"+91987650000{i}" })],
        });

        var listed = await AllAsync(Client.Calls.ListAsync(new VapiCallListFilter { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(batch.Results, Has.Count.EqualTo(5));
            Assert.That(batch.Results.Select(c => c.CreatedAt), Is.All.EqualTo(Start), "all five tie");
            Assert.That(listed.Select(c => c.Id), Is.EqualTo(batch.Results.Select(c => c.Id).Reverse()));
            Assert.That(RequestsTo("GET", "/call").Select(p => p.Status), Is.All.EqualTo(200));
        });
    }
}

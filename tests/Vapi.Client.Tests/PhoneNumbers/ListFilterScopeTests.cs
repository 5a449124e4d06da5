using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.PhoneNumbers;

public class ListFilterScopeTests
{
    [Test]
    public async Task A_call_filter_passed_to_the_number_list_sends_only_the_shared_parameters()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=100").Respond("application/json", "[]");

        await foreach (var _ in host.Client.PhoneNumbers.ListAsync(new VapiCallListFilter { PhoneNumberId = "p1", AssistantId = "a1" }))
        {
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Changing_the_filter_after_asking_for_the_list_changes_nothing()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=5").Respond("application/json", "[]");
        var filter = new VapiListFilter { PageSize = 5 };

        var list = host.Client.PhoneNumbers.ListAsync(filter);
        filter.PageSize = 0;
        await foreach (var _ in list)
        {
        }

        host.VerifyAllSatisfied();
    }
}

using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Errors;

/// <summary>A create answered 5xx or 408 may have happened (a proxy can answer after Vapi acted); a read or a 4xx did not.</summary>
public class AmbiguousOutcomeTests
{
    private static CreateCallRequest Call() => new()
    {
        AssistantId = TestAccount.AssistantId, PhoneNumberId = TestAccount.PhoneNumberId, Customer = new VapiCustomer { Number = "+919876543210" },
    };

    [TestCase(HttpStatusCode.InternalServerError, true)]
    [TestCase(HttpStatusCode.BadGateway, true)]
    [TestCase(HttpStatusCode.GatewayTimeout, true)]
    [TestCase(HttpStatusCode.RequestTimeout, true)]
    [TestCase(HttpStatusCode.BadRequest, false)]
    [TestCase(HttpStatusCode.TooManyRequests, false)]
    public void A_failed_call_create_says_whether_the_call_may_exist(HttpStatusCode status, bool outcomeUnknown)
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Respond(status, "application/json", """{"message":"upstream","statusCode":500}""");

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateAsync(Call()))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo((int)status));
            Assert.That(ex.IsOutcomeUnknown, Is.EqualTo(outcomeUnknown));
            Assert.That(host.SentCount, Is.EqualTo(1), "never replayed");
        });
    }

    [Test]
    public void A_failed_read_is_never_an_unknown_outcome()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond(HttpStatusCode.BadGateway, "text/html", "<html>502</html>");

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That(ex.IsOutcomeUnknown, Is.False);
    }

    [Test]
    public async Task A_batch_error_given_as_an_object_is_kept_as_its_json_instead_of_losing_the_created_calls()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Respond(HttpStatusCode.Created, "application/json",
            """{"results":[{"id":"c1","orgId":"o","status":"queued"}],"errors":[{"customer":{"number":"+12342342345"},"error":{"code":"dnc","reason":"do not call"}}]}""");

        var batch = await host.Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = TestAccount.AssistantId, PhoneNumberId = TestAccount.PhoneNumberId,
            Customers = [new VapiCustomer { Number = "+11231231234" }, new VapiCustomer { Number = "+12342342345" }],
        });

        Assert.Multiple(() =>
        {
            Assert.That(batch.Results.Select(c => c.Id), Is.EqualTo(new[] { "c1" }));
            Assert.That(batch.Errors[0].Error, Is.EqualTo("""{"code":"dnc","reason":"do not call"}"""));
        });
    }
}

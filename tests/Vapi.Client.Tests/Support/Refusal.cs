namespace Vapi.Client.Tests.Support;

/// <summary>Asserts the SDK's rule for bad input: an argument error naming the field and the rule, and no request sent.</summary>
internal static class Refusal
{
    public static TException Refused<TException>(VapiTestHost host, AsyncTestDelegate call, string paramName, params string[] ruleFragments)
        where TException : ArgumentException
    {
        var ex = Assert.ThrowsAsync<TException>(call)!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.ParamName, Is.EqualTo(paramName));
            Assert.That(ex.Message, Does.Contain(paramName), "the message names the field");
            foreach (var fragment in ruleFragments)
            {
                Assert.That(ex.Message, Does.Contain(fragment), "the message states the rule");
            }

            Assert.That(host.SentCount, Is.Zero, "nothing is sent");
        });
        return ex;
    }
}

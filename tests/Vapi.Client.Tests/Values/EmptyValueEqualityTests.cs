namespace Vapi.Client.Tests.Values;

/// <summary>An empty value and a missing one both read as "", so they are equal too.</summary>
public class EmptyValueEqualityTests
{
    [Test]
    public void An_empty_value_equals_the_default_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new VapiEndedReason(string.Empty), Is.EqualTo(default(VapiEndedReason)));
            Assert.That(new VapiCallStatus(string.Empty).GetHashCode(), Is.EqualTo(default(VapiCallStatus).GetHashCode()));
            Assert.That(new SipGatewayProtocol(string.Empty) == default, Is.True);
            Assert.That(new VapiCallStatus("ended"), Is.Not.EqualTo(default(VapiCallStatus)));
        });
    }
}

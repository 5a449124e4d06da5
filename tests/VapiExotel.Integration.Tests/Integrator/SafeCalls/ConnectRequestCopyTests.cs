using System.Reflection;
using Exotel.VSip;
using VapiExotel.Integration.Calls;

namespace VapiExotel.Integration.Tests.Integrator.SafeCalls;

/// <summary>Every call goes through the tagged copy of the caller's request: no property may be dropped on the way.</summary>
public sealed class ConnectRequestCopyTests
{
    [Test]
    public void The_copy_carries_every_settable_property_of_the_request_and_only_the_CustomField_changes()
    {
        var request = new ConnectCallRequest("+919876500001", "+919876500002", "+918047490924")
        {
            CallType = new ExotelCallType("trans"),
            TimeLimit = 300,
            TimeOut = 30,
            WaitUrl = new Uri("https://example.com/wait"),
            Record = true,
            RecordingChannels = new ExotelRecordingChannels("dual"),
            RecordingFormat = new ExotelRecordingFormat("mp3"),
            CustomField = "order-42",
            StatusCallback = new Uri("https://example.com/status"),
            StatusCallbackContentType = new ExotelStatusCallbackContentType("application/json"),
        };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);

        var copy = ConnectRequestCopy.WithCorrelation(request, "vx-0123456789ab");

        var properties = typeof(ConnectCallRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.Multiple(() =>
        {
            foreach (var property in properties.Where(p => p.Name != nameof(ExotelConnectRequest.CustomField)))
            {
                var original = property.GetValue(request);
                Assert.That(original, Is.Not.Null, $"{property.Name}: set every property in this test, so that a new one cannot be missed");
                var copied = property.GetValue(copy);
                if (original is System.Collections.IEnumerable items and not string)
                {
                    Assert.That(copied, Is.EquivalentTo(items), property.Name);
                }
                else
                {
                    Assert.That(copied, Is.EqualTo(original), property.Name);
                }
            }

            Assert.That(copy.CustomField, Is.EqualTo("order-42 [vx-0123456789ab]"));
            Assert.That(request.CustomField, Is.EqualTo("order-42"), "the caller's request is not changed");
        });
    }
}

namespace Vapi.Client.Tests.Support;

/// <summary>What every route must make of <c>TestData/error-validation.json</c> (Nest's 400 with a list of messages).</summary>
internal static class ErrorAssert
{
    public static void IsTheValidationFixture(VapiException ex, string operation) =>
        Assert.Multiple(() =>
        {
            Assert.That(ex.IsValidationError, Is.True);
            Assert.That(ex.IsNotFound, Is.False);
            Assert.That(ex.Status, Is.EqualTo(400));
            Assert.That(ex.Error, Is.EqualTo("Bad Request"));
            Assert.That(ex.Messages, Is.EqualTo(new[] { "property customer should not exist", "property phoneNumberId should not exist" }));
            Assert.That(ex.Message, Does.Contain("property customer should not exist; property phoneNumberId should not exist"));
            Assert.That(ex.Message, Does.Contain("HTTP 400 BadRequest"));
            Assert.That(ex.Operation, Is.EqualTo(operation));
        });
}

namespace VapiExotel.Integration.Tests.Integrator.Digest;

/// <summary>The digest user name: stable, derived from the credential's name, safe characters only, at most 32.</summary>
public sealed class DigestUserNameTests
{
    [TestCase(null, "ameyo5m", "vx-exotel-ameyo5m")]
    [TestCase("vx_prod.1", "ameyo5m", "vx_prod.1")]
    [TestCase("My integration: prod/1", "ameyo5m", "My-integration--prod-1")]
    [TestCase("a-credential-name-of-exactly-40-chars-xx", "ameyo5m", "a-credential-name-of-exactly-40-")]
    public void The_user_name_is_the_credential_name_made_safe(string? credentialName, string accountSid, string expected)
    {
        var options = new VapiExotelOptions { CredentialName = credentialName };
        options.Exotel.AccountSid = accountSid;

        var user = options.GetDigestUserName();

        Assert.Multiple(() =>
        {
            Assert.That(user, Is.EqualTo(expected));
            Assert.That(user, Has.Length.LessThanOrEqualTo(32));
            Assert.That(options.GetDigestUserName(), Is.EqualTo(user), "stable");
        });
    }

    [Test]
    public void The_option_is_off_by_default_and_shown_when_on()
    {
        var options = new VapiExotelOptions();
        Assert.That(options.Trunk.DigestAuthentication, Is.False);
        Assert.That(options.Trunk.ToString(), Does.Not.Contain("Digest"));
        options.Trunk.DigestAuthentication = true;
        Assert.That(options.Trunk.ToString(), Does.Contain("DigestAuthentication = True"));
    }
}

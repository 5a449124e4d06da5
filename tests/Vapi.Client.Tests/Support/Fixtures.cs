namespace Vapi.Client.Tests.Support;

/// <summary>The documented example responses, copied into the repository (tests never read ../shared).</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", name));
}

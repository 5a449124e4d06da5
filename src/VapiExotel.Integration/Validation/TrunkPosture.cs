using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Planning;

namespace VapiExotel.Integration.Validation;

/// <summary>
/// How the trunk trusts Vapi's calls: by IP allow-list alone (Vapi's signalling addresses are shared by every Vapi
/// customer, so that is a risk), or by SIP digest authentication paired across both sides.
/// </summary>
internal static class TrunkPosture
{
    /// <summary>The check's name.</summary>
    public const string Name = "security.posture";

    /// <summary>The name of the check of the inbound step no API can do.</summary>
    public const string InboundFlowName = "exotel.inbound-flow";

    private const string EnableDigest =
        "Enable SIP digest authentication on both sides: add a credential (a user name and a long random password) to the trunk "
        + "(Exotel console, or ExotelClient.Credentials.CreateAsync) and set the same user name and password as the Vapi credential's "
        + "outboundAuthenticationPlan (VapiClient.Credentials.UpdateSipTrunkAsync); see the README's \"Security posture\".";

    /// <summary>Judges the posture from the trunk's whitelist (null when unread), its digest credentials and the Vapi credential (null when unknown).</summary>
    public static ValidationCheck Judge(
        IReadOnlyList<string> signallingIps, IReadOnlyList<ExotelWhitelistedIp>? whitelist, IReadOnlyList<ExotelTrunkCredential> trunkCredentials, ByoSipTrunkCredential? vapiCredential)
    {
        var users = trunkCredentials.Select(c => c.UserName).OfType<string>().Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var vapiUser = vapiCredential?.OutboundAuthenticationPlan?.AuthUsername is { Length: > 0 } user ? user : null;
        var userList = string.Join(", ", users.Select(u => $"'{u}'"));

        if (users.Count == 0)
        {
            if (whitelist is null)
            {
                return new ValidationCheck(Name, ValidationStatus.Skipped, "The trunk's whitelist could not be read (see the exotel.whitelisted-ip checks).");
            }

            var shared = signallingIps.Where(ip => whitelist.Any(e => IntegrationTarget.Covers(e.Ip, e.Mask, ip))).ToList();
            if (shared.Count == 0)
            {
                return new ValidationCheck(Name, ValidationStatus.Skipped,
                    "The trunk has no digest credential and admits none of Vapi's signalling addresses yet (see the exotel.whitelisted-ip checks): there is no trust to judge.");
            }

            return new ValidationCheck(Name, ValidationStatus.Warning,
                $"The trunk trusts Vapi by IP allow-list only: it has no digest credential, and it admits {string.Join(", ", shared)}, Vapi's shared signalling "
                + "addresses, from which every Vapi customer's calls leave. Any Vapi customer could send calls from those addresses into this trunk and out over your numbers."
                + (vapiUser is null ? string.Empty : $" The Vapi credential sends digest user '{vapiUser}', but the trunk checks no credential."),
                EnableDigest);
        }

        if (vapiCredential is null)
        {
            return new ValidationCheck(Name, ValidationStatus.Skipped,
                $"The trunk has digest credential(s) for {userList}; the Vapi credential could not be compared with them (see vapi.credential).");
        }

        if (vapiUser is null)
        {
            return new ValidationCheck(Name, ValidationStatus.Warning,
                $"The trunk has digest credential(s) for {userList}, but Vapi credential {vapiCredential.Id} has no outboundAuthenticationPlan: Vapi cannot answer "
                + "Exotel's digest challenge, so its calls are admitted by address alone, or refused.",
                "Set the Vapi credential's outboundAuthenticationPlan to the trunk credential's user name and password (VapiClient.Credentials.UpdateSipTrunkAsync).");
        }

        if (!users.Contains(vapiUser, StringComparer.Ordinal))
        {
            return new ValidationCheck(Name, ValidationStatus.Failed,
                $"Vapi credential {vapiCredential.Id} authenticates as '{vapiUser}', but the trunk's digest credential(s) are for {userList}: Exotel refuses Vapi's answer to its challenge.",
                $"Make both sides use one user name and password: change the Vapi credential's outboundAuthenticationPlan, or add a trunk credential for '{vapiUser}'.");
        }

        return new ValidationCheck(Name, ValidationStatus.Passed,
            $"Digest authentication on both sides: the trunk checks user '{vapiUser}', which Vapi credential {vapiCredential.Id} sends "
            + "(neither service returns the password, so the passwords cannot be compared here).");
    }
}

namespace VapiExotel.Integration;

/// <summary>What a step of a plan, setup or teardown did, or would do.</summary>
public enum StepOutcome
{
    /// <summary>It already existed as it should; nothing was sent.</summary>
    AlreadyPresent,

    /// <summary>It was created.</summary>
    Created,

    /// <summary>It existed but had drifted, and was updated.</summary>
    Updated,

    /// <summary>It was removed.</summary>
    Deleted,

    /// <summary>Nothing was done: a step it depends on failed, or it is not the integration's to change (see the message).</summary>
    Skipped,

    /// <summary>It failed; see <see cref="IntegrationStep.Error"/>.</summary>
    Failed,

    /// <summary>A plan: setup would create it.</summary>
    WouldCreate,

    /// <summary>A plan: setup would update it.</summary>
    WouldUpdate,

    /// <summary>A dry run: teardown would remove it.</summary>
    WouldDelete,
}

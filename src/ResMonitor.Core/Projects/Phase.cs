namespace ResMonitor.Core.Projects;

/// <summary>Pipeline phases in their natural order; Withdrawn ends a project that will not be built.</summary>
public enum Phase
{
    Idea,
    InProcedure,
    Permitted,
    Irrevocable,
    Subsidy,
    UnderConstruction,
    Realised,
    Withdrawn,
}

public enum PhaseGroup
{
    /// <summary>Idea or search area: counts towards the ambition, not the pipeline.</summary>
    Idea,

    /// <summary>In procedure up to under construction: "vergund of in procedure".</summary>
    Pipeline,

    Realised,

    Withdrawn,
}

public static class PhaseExtensions
{
    public static PhaseGroup Group(this Phase phase) => phase switch
    {
        Phase.Idea => PhaseGroup.Idea,
        Phase.Realised => PhaseGroup.Realised,
        Phase.Withdrawn => PhaseGroup.Withdrawn,
        _ => PhaseGroup.Pipeline,
    };
}

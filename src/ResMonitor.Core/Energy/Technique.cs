namespace ResMonitor.Core.Energy;

public enum Technique
{
    Wind,
    SolarOnLand,
    SolarOnRoof,

    /// <summary>Only for targets and search areas: an ambition not yet tied to wind or sun.</summary>
    TechnologyNeutral,
}

using ResMonitor.Core.Energy;
using ResMonitor.Core.Projects;
using ResMonitor.Core.Regions;

namespace ResMonitor.Core;

/// <summary>The one Dutch name of each domain value, and the key used for it in files and URLs.</summary>
public static class Labels
{
    public static string Phase(Phase phase) => phase switch
    {
        Projects.Phase.Idea => "idee",
        Projects.Phase.InProcedure => "in procedure",
        Projects.Phase.Permitted => "vergund",
        Projects.Phase.Irrevocable => "onherroepelijk",
        Projects.Phase.Subsidy => "SDE-beschikking",
        Projects.Phase.UnderConstruction => "in aanbouw",
        Projects.Phase.Realised => "gerealiseerd",
        Projects.Phase.Withdrawn => "ingetrokken",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    /// <summary>The phase in English, for the English pages.</summary>
    public static string PhaseEnglish(Phase phase) => phase switch
    {
        Projects.Phase.Idea => "idea",
        Projects.Phase.InProcedure => "in procedure",
        Projects.Phase.Permitted => "permitted",
        Projects.Phase.Irrevocable => "irrevocable",
        Projects.Phase.Subsidy => "subsidy granted (SDE)",
        Projects.Phase.UnderConstruction => "under construction",
        Projects.Phase.Realised => "realised",
        _ => "withdrawn",
    };

    public static string PhaseKey(Phase phase) => phase switch
    {
        Projects.Phase.Idea => "idee",
        Projects.Phase.InProcedure => "in_procedure",
        Projects.Phase.Permitted => "vergund",
        Projects.Phase.Irrevocable => "onherroepelijk",
        Projects.Phase.Subsidy => "sde",
        Projects.Phase.UnderConstruction => "in_aanbouw",
        Projects.Phase.Realised => "gerealiseerd",
        Projects.Phase.Withdrawn => "ingetrokken",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    public static string Technique(Technique technique) => technique switch
    {
        Energy.Technique.Wind => "wind",
        Energy.Technique.SolarOnLand => "zon op land",
        Energy.Technique.SolarOnRoof => "zon op dak",
        Energy.Technique.TechnologyNeutral => "techniekneutraal",
        _ => throw new ArgumentOutOfRangeException(nameof(technique)),
    };

    /// <summary>Reads a technique as people write it: "zon op land", "zon-op-land", "Zon_op_land".</summary>
    public static Technique? ParseTechnique(string text) => Find(Techniques, text);

    /// <summary>Key of a technique in files, URLs and JSON: "wind", "zon_op_land".</summary>
    public static string TechniqueKey(Technique technique) => Technique(technique).Replace(' ', '_');

    public static string Authority(CompetentAuthority authority) => authority switch
    {
        CompetentAuthority.Municipality => "gemeente",
        CompetentAuthority.Province => "provincie",
        CompetentAuthority.State => "Rijk",
        _ => throw new ArgumentOutOfRangeException(nameof(authority)),
    };

    public static CompetentAuthority? ParseAuthority(string text) => Find(Authorities, text);

    public static string OrganisationKind(OrganisationKind kind) => kind switch
    {
        Regions.OrganisationKind.Municipality => "gemeente",
        Regions.OrganisationKind.Province => "provincie",
        Regions.OrganisationKind.WaterBoard => "waterschap",
        Regions.OrganisationKind.GridOperator => "netbeheerder",
        Regions.OrganisationKind.SocietalPartner => "maatschappelijke partner",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Each value with its normalised label, in enum order, so that a parse normalises only its input.</summary>
    private static readonly (Technique Value, string Key)[] Techniques =
        Enum.GetValues<Technique>().Select(t => (t, Normalise(Technique(t)))).ToArray();

    private static readonly (CompetentAuthority Value, string Key)[] Authorities =
        Enum.GetValues<CompetentAuthority>().Select(a => (a, Normalise(Authority(a)))).ToArray();

    private static T? Find<T>((T Value, string Key)[] values, string text)
        where T : struct
    {
        var key = Normalise(text);
        foreach (var (value, normalised) in values)
        {
            if (normalised == key)
            {
                return value;
            }
        }

        return null;
    }

    private static string Normalise(string text)
    {
        var chars = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars[..length]);
    }
}

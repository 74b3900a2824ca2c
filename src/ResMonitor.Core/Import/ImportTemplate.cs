using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using C = ResMonitor.Core.Import.ProjectCsv;

namespace ResMonitor.Core.Import;

/// <summary>
/// The spreadsheet a werkbureau or a municipality fills in: a first sheet "projecten" with the Dutch headers the import
/// recognises, drop-down lists (data validation) for technique, status and municipality, a sheet "Uitleg" that explains
/// every column, and a sheet "lijsten" with the values the drop-downs offer. Imported as it is once filled in.
/// </summary>
public static class ImportTemplate
{
    /// <summary>The columns of the template, in order, with whether a row needs them and what they mean.</summary>
    public static readonly (string Column, bool Required, string Meaning, string Example)[] Columns =
    [
        (C.Name, true, "De naam van het project, zoals de initiatiefnemer of de gemeente hem noemt.", "Zonnepark De Hooge Stoep"),
        (C.Technique, true, "Kies uit de lijst: Wind, Zon op land of Zon op dak.", "Zon op land"),
        (C.Municipality, true, "Kies de gemeente uit de lijst (de naam of de CBS-code, zoals GM0106, mag ook).", "Assen"),
        (C.Capacity, true, "Het opgestelde vermogen in megawatt; een decimale komma of punt mag (12,5).", "12,5"),
        (ImportColumns.Status, true, "De fase waarin het project nu is. Kies uit de lijst: " + string.Join(", ", ImportColumns.StatusNames) + ".", "Vergund"),
        (ImportColumns.StatusDate, true, "Sinds wanneer het project in die fase is: de datum van het besluit, de aanvraag of de ingebruikname (1-3-2024 of 2024-03-01).", "15-6-2024"),
        (C.Latitude, false, "De ligging: breedtegraad in graden (WGS84), met lengtegraad samen. Leeg laten mag.", "52,99"),
        (C.Longitude, false, "De ligging: lengtegraad in graden (WGS84), met breedtegraad samen. Leeg laten mag.", "6,56"),
        (C.Owners, false, "Wie eigenaar is (bijvoorbeeld een energiecoöperatie en een ontwikkelaar).", "Energiecoöperatie Assen"),
        (C.LocalOwnership, false, "Het deel lokaal eigendom in procenten, van 0 tot 100. Onbekend: leeg laten (leeg is geen 0).", "50"),
        (C.Participation, false, "Hoe omwonenden meedoen: procesparticipatie en financiële participatie, in een paar woorden.", "Omgevingsfonds"),
        (C.Source, false, "Waar de gegevens vandaan komen, in publieke woorden (organisatie en document). Leeg: 'Import door …' met de datum.", "Gemeente Assen, raadsbesluit 12 maart 2024"),
        (C.SourceDate, false, "De datum van die bron. Leeg: de dag van inlezen.", "12-3-2024"),
        (C.Id, false, "Leeg laten voor een nieuw project: het id wordt gemaakt uit regio, gemeente en naam. Bij een project uit een export: het id van het register.", ""),
    ];

    private const int ListRows = 1_000;

    /// <summary>The template for a region, its municipalities in the drop-down.</summary>
    public static byte[] Write(string regionName, IEnumerable<string> municipalities, DateOnly today)
    {
        var names = municipalities.Order(StringComparer.Create(DutchFormat.Culture, ignoreCase: true)).ToList();
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var projects = AddSheet(workbook, sheets, 1, "projecten");
            var data = projects.Worksheet.GetFirstChild<SheetData>()!;
            data.Append(Row(1, Columns.Select(c => ImportColumns.Label(c.Column)), style: 1));
            projects.Worksheet.InsertBefore(new Columns(Columns.Select((c, i) =>
                new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Max(14, ImportColumns.Label(c.Column).Length + 4), CustomWidth = true })), data);
            projects.Worksheet.InsertBefore(FrozenHeader(), projects.Worksheet.GetFirstChild<Columns>());

            var lists = AddSheet(workbook, sheets, 2, "lijsten");
            var listData = lists.Worksheet.GetFirstChild<SheetData>()!;
            var longest = Math.Max(Math.Max(ImportColumns.TechniqueNames.Length, ImportColumns.StatusNames.Length), names.Count);
            listData.Append(Row(1, ["Techniek", "Status", "Gemeente"], style: 1));
            for (var i = 0; i < longest; i++)
            {
                listData.Append(Row((uint)(i + 2), [
                    i < ImportColumns.TechniqueNames.Length ? ImportColumns.TechniqueNames[i] : "",
                    i < ImportColumns.StatusNames.Length ? ImportColumns.StatusNames[i] : "",
                    i < names.Count ? names[i] : "",
                ]));
            }

            var validations = new DataValidations();
            validations.Append(List(Letter(C.Technique), $"lijsten!$A$2:$A${ImportColumns.TechniqueNames.Length + 1}", "Techniek", "Kies Wind, Zon op land of Zon op dak."));
            validations.Append(List(Letter(ImportColumns.Status), $"lijsten!$B$2:$B${ImportColumns.StatusNames.Length + 1}", "Status", "Kies een status uit de lijst."));
            validations.Append(List(Letter(C.Municipality), $"lijsten!$C$2:$C${names.Count + 1}", "Gemeente", $"Kies een gemeente van {regionName}."));
            validations.Append(new DataValidation(new Formula1("0"), new Formula2("2000"))
            {
                Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
                ErrorTitle = "Vermogen", Error = "Het vermogen in MW: meer dan 0 en hoogstens 2.000.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = Range(Letter(C.Capacity)) },
            });
            validations.Count = (uint)validations.ChildElements.Count;
            projects.Worksheet.InsertAfter(validations, data);

            var explanation = AddSheet(workbook, sheets, 3, "Uitleg");
            var text = explanation.Worksheet.GetFirstChild<SheetData>()!;
            uint line = 1;
            text.Append(Row(line++, [$"Sjabloon voor projecten van {regionName}, gemaakt op {DutchFormat.Date(today)}"], style: 1));
            text.Append(Row(line++, ["Vul op het blad 'projecten' één project per regel in en lees het in op de importpagina (Beheer → Projecten inlezen). Eerst ziet u wat er zou veranderen; pas na uw bevestiging wordt iets opgeslagen. Een regel die lijkt op een project dat al in het register staat, wordt pas ingelezen als u zegt of het een nieuw project is of hetzelfde."]));
            text.Append(Row(line++, [""]));
            text.Append(Row(line++, ["Kolom", "Verplicht", "Betekenis", "Voorbeeld"], style: 1));
            foreach (var (column, required, meaning, example) in Columns)
            {
                text.Append(Row(line++, [ImportColumns.Label(column), required ? "ja" : "nee", meaning, example]));
            }

            text.Append(Row(line++, [""]));
            text.Append(Row(line++, ["In plaats van Status en Datum status mogen ook de kolommen met een datum per fase (datum_in_procedure, datum_vergund, datum_gerealiseerd, …) van het importformaat; die staan ook in de export van het register."]));
            explanation.Worksheet.InsertBefore(new Columns(
                new Column { Min = 1, Max = 1, Width = 22, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 10, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 90, CustomWidth = true },
                new Column { Min = 4, Max = 4, Width = 40, CustomWidth = true }), text);
            workbook.Workbook.Save();
        }

        return memory.ToArray();
    }

    /// <summary>The spreadsheet letter of a template column ("B" for techniek).</summary>
    public static string Letter(string column) => ((char)('A' + Array.FindIndex(Columns, c => c.Column == column))).ToString();

    private static string Range(string letter) => $"{letter}2:{letter}{ListRows + 1}";

    private static DataValidation List(string letter, string source, string title, string error) =>
        new(new Formula1(source))
        {
            Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
            ErrorTitle = title, Error = error, PromptTitle = title, Prompt = error,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = Range(letter) },
        };

    private static WorksheetPart AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetData());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
        return part;
    }

    private static SheetViews FrozenHeader() =>
        new(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        {
            WorkbookViewId = 0,
        });

    private static Row Row(uint index, IEnumerable<string> values, uint style = 0)
    {
        var row = new Row { RowIndex = index };
        var i = 0;
        foreach (var value in values)
        {
            var cell = new Cell
            {
                CellReference = $"{(char)('A' + i++)}{index}",
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value)),
            };
            if (style != 0)
            {
                cell.StyleIndex = style;
            }

            row.Append(cell);
        }

        return row;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}

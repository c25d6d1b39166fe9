namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// Names a part of a record for error messages, such as "minutia 3 of finger view 2". Readers pass one for every
/// field they read; the text is only built when an error is reported, so valid records cost no string work.
/// </summary>
internal readonly struct RecordPart
{
    private readonly string _name;
    private readonly int _view;
    private readonly int _number;
    private readonly bool _numberFirst;

    private RecordPart(string name, int view, int number, bool numberFirst)
    {
        _name = name;
        _view = view;
        _number = number;
        _numberFirst = numberFirst;
    }

    public static implicit operator RecordPart(string name) => new(name, 0, 0, false);

    public static RecordPart OfView(string name, int view) => new(name, view, 0, false);

    public static RecordPart View(int view) => new(string.Empty, view, 0, false);

    public static RecordPart Minutiae(int count, int view) => new("minutiae", view, count, numberFirst: true);

    public static RecordPart Minutia(int index, int view) => new("minutia", view, index, numberFirst: false);

    public override string ToString()
    {
        var text = _number == 0 ? _name : _numberFirst ? $"{_number} {_name}" : $"{_name} {_number}";
        return _view == 0 ? text : text.Length == 0 ? $"finger view {_view}" : $"{text} of finger view {_view}";
    }
}

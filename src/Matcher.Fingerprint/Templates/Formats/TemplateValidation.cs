namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Range checks on decoded fields shared by all readers.</summary>
internal static class TemplateValidation
{
    public static void CheckFingerPosition(int fingerPosition, int view)
    {
        if (fingerPosition > TemplateLimits.MaxFingerPosition)
        {
            throw TemplateErrors.InvalidValue(
                $"finger view {view}",
                $"has finger position {fingerPosition}; only 0 (unknown) and 1..{TemplateLimits.MaxFingerPosition} name a single finger");
        }
    }

    public static void CheckQuality(int quality, RecordPart part)
    {
        if (quality > TemplateLimits.MaxQuality)
        {
            throw TemplateErrors.InvalidValue($"the quality of {part}", $"is {quality}; qualities range from 0 to {TemplateLimits.MaxQuality}");
        }
    }

    public static MinutiaType CheckType(int code, RecordPart part) => code switch
    {
        0 => MinutiaType.Other,
        1 => MinutiaType.Ending,
        2 => MinutiaType.Bifurcation,
        _ => throw TemplateErrors.InvalidValue(part.ToString(), $"has the reserved type code {code}"),
    };

    /// <summary>Export takes data from our own code: anything a format cannot hold is a programming error.</summary>
    public static void CheckForExport(IReadOnlyList<FingerprintView> views, int maxCoordinate)
    {
        ArgumentNullException.ThrowIfNull(views);
        if (views.Count is 0 or > TemplateLimits.MaxViews)
        {
            throw new ArgumentException($"A template record holds 1..{TemplateLimits.MaxViews} views, not {views.Count}.", nameof(views));
        }
        foreach (var view in views)
        {
            CheckViewForExport(view, maxCoordinate);
        }
    }

    private static void CheckViewForExport(FingerprintView view, int maxCoordinate)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(view.Template);
        ArgumentOutOfRangeException.ThrowIfNegative(view.FingerPosition, nameof(view));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(view.FingerPosition, TemplateLimits.MaxFingerPosition, nameof(view));
        ArgumentOutOfRangeException.ThrowIfNegative(view.ViewNumber, nameof(view));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(view.ViewNumber, TemplateLimits.MaxNibble, nameof(view));
        ArgumentOutOfRangeException.ThrowIfNegative(view.ImpressionType, nameof(view));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(view.ImpressionType, TemplateLimits.MaxNibble, nameof(view));
        var template = view.Template;
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)template.SampleQuality, TemplateLimits.MaxQuality, nameof(view));
        if (template.Minutiae.Count > TemplateLimits.MaxMinutiaePerView)
        {
            throw new ArgumentException(
                $"A view holds at most {TemplateLimits.MaxMinutiaePerView} minutiae, not {template.Minutiae.Count}.", nameof(view));
        }
        for (var i = 0; i < template.Minutiae.Count; i++)
        {
            var minutia = template.Minutiae[i];
            var fits = minutia.X >= 0 && minutia.Y >= 0 && minutia.X < template.Width && minutia.Y < template.Height
                && minutia.X <= maxCoordinate && minutia.Y <= maxCoordinate
                && float.IsFinite(minutia.Direction) && minutia.Quality <= TemplateLimits.MaxQuality
                && minutia.Type is MinutiaType.Other or MinutiaType.Ending or MinutiaType.Bifurcation;
            if (!fits)
            {
                // The message names the minutia by index only: templates never go into messages or logs.
                throw new ArgumentException(
                    $"Minutia {i} lies outside the frame or has a value the format cannot store.", nameof(view));
            }
        }
    }
}

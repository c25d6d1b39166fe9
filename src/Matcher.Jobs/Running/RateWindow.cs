namespace Matcher.Jobs.Running;

/// <summary>Subjects per second over the last minute of progress, so an estimate follows the recent pace.</summary>
internal sealed class RateWindow
{
    private static readonly TimeSpan Span = TimeSpan.FromMinutes(1);
    private readonly Queue<(DateTimeOffset At, long Done)> _points = new();

    public void Clear() => _points.Clear();

    public void Add(DateTimeOffset at, long done)
    {
        _points.Enqueue((at, done));
        while (_points.Count > 2 && at - _points.Peek().At > Span)
        {
            _points.Dequeue();
        }
    }

    public double PerSecond
    {
        get
        {
            if (_points.Count < 2)
            {
                return 0;
            }
            var first = _points.Peek();
            var last = _points.Last();
            var seconds = (last.At - first.At).TotalSeconds;
            return seconds > 0 ? (last.Done - first.Done) / seconds : 0;
        }
    }
}

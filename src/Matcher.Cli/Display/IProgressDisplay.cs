namespace Matcher.Cli.Display;

/// <summary>Shows, or hides, the progress of work that reports its stages through an <see cref="IProgress{T}"/>.</summary>
internal interface IProgressDisplay
{
    T Run<T>(Func<IProgress<ProgressStep>, T> work);
}

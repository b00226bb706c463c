using System.Diagnostics;

namespace FormalExpressivity.Playground.Compute;

/// <summary>
/// Cuts a run of steps (an enumeration of bounded pieces of work: <c>Classifier.ClassifyStepwise</c>,
/// <c>ClaimChecker.CheckStepwise</c>) into time slices on the page's single thread, so that no slice blocks the
/// browser for long (the goal: no freeze over 200 ms, issue 12). A slice ends when its budget is used up, or
/// earlier when the next step, predicted to last as long as the previous one, would overrun the budget (steps of
/// one stage cost alike, so a long step does not follow a full slice). Every slice runs at least one step. The
/// page repaints at most every <see cref="RepaintMilliseconds"/>: a repaint of the whole report costs as much as
/// a slice.
/// </summary>
public sealed class TimeSlices
{
    /// <summary>The default budget of one slice (ms of the page's thread).</summary>
    public const double DefaultBudgetMilliseconds = 25;

    /// <summary>The least time between two repaints while the run goes on (ms).</summary>
    public const double RepaintMilliseconds = 100;

    private readonly Stopwatch _slice = Stopwatch.StartNew();
    private readonly Stopwatch _sinceRepaint = Stopwatch.StartNew();
    private double _stepStart;
    private double _lastStep;
    private int _stepsInSlice;

    /// <summary>A slicer with the given budget per slice.</summary>
    /// <param name="budgetMilliseconds">How long one slice may compute.</param>
    public TimeSlices(double budgetMilliseconds = DefaultBudgetMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetMilliseconds);
        BudgetMilliseconds = budgetMilliseconds;
    }

    /// <summary>The budget of one slice (ms).</summary>
    public double BudgetMilliseconds { get; }

    /// <summary>The longest slice so far (ms), measured from its start to the yield that ended it.</summary>
    public double LongestSliceMilliseconds { get; private set; }

    /// <summary>Computing time of all slices so far (ms).</summary>
    public double ComputedMilliseconds { get; private set; }

    /// <summary>The duration of the last step (ms).</summary>
    public double LastStepMilliseconds => _lastStep;

    /// <summary>True when the slice should end before the next step: the budget is used, or the next step would overrun it.</summary>
    public bool ShouldYield
    {
        get
        {
            if (_stepsInSlice == 0) return false;
            double used = _slice.Elapsed.TotalMilliseconds;
            return used >= BudgetMilliseconds || used + _lastStep > BudgetMilliseconds;
        }
    }

    /// <summary>True when the page should repaint at this yield (at most every <see cref="RepaintMilliseconds"/>).</summary>
    public bool ShouldRepaint => _sinceRepaint.Elapsed.TotalMilliseconds >= RepaintMilliseconds;

    /// <summary>Call before a step.</summary>
    public void BeginStep() => _stepStart = _slice.Elapsed.TotalMilliseconds;

    /// <summary>Call after a step; returns its duration (ms).</summary>
    public double EndStep()
    {
        _lastStep = _slice.Elapsed.TotalMilliseconds - _stepStart;
        _stepsInSlice++;
        return _lastStep;
    }

    /// <summary>Ends the slice (records its length), lets the browser paint and handle input, and starts the next slice.</summary>
    /// <param name="repaint">Called before yielding when a repaint is due (the component's <c>StateHasChanged</c>).</param>
    public async Task YieldAsync(Action? repaint = null)
    {
        if (repaint is not null && ShouldRepaint)
        {
            repaint();
            _sinceRepaint.Restart();
        }
        EndSlice();
        await Task.Delay(1);
        _slice.Restart();
    }

    /// <summary>Ends the last slice without yielding (the run is over).</summary>
    public void EndSlice()
    {
        double used = _slice.Elapsed.TotalMilliseconds;
        LongestSliceMilliseconds = Math.Max(LongestSliceMilliseconds, used);
        ComputedMilliseconds += used;
        _stepsInSlice = 0;
        _slice.Restart();
    }
}

namespace FormalExpressivity.Syntax;

/// <summary>Walks of hash-consed syntax DAGs with an explicit stack (no recursion, each node once).</summary>
internal static class DagOrder
{
    /// <summary>
    /// The distinct nodes reachable from <paramref name="root"/>, children before parents, children
    /// visited left to right — so leaves appear in order of their first (leftmost) occurrence.
    /// </summary>
    /// <param name="root">The root node.</param>
    /// <param name="id">A node's unique number.</param>
    /// <param name="children">A node's operands in order.</param>
    public static List<T> PostOrder<T>(T root, Func<T, int> id, Func<T, IReadOnlyList<T>> children)
    {
        var result = new List<T>();
        var visited = new HashSet<int>();
        var stack = new Stack<(T Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                result.Add(node);
                continue;
            }
            if (!visited.Add(id(node))) continue;
            stack.Push((node, true));
            var c = children(node);
            for (int i = c.Count - 1; i >= 0; i--)
                if (!visited.Contains(id(c[i]))) stack.Push((c[i], false));
        }
        return result;
    }
}

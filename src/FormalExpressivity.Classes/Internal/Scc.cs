namespace FormalExpressivity.Classes.Internal;

/// <summary>
/// Strongly connected components of a graph with fixed out-degree <c>k</c> given as a flat
/// successor table (<c>succ[v*k+i]</c>, −1 for "no edge"), by Tarjan's algorithm (Tarjan 1972)
/// with an explicit stack, so deep graphs cannot overflow the call stack.
/// Components are numbered in reverse topological order (sinks first), as Tarjan emits them.
/// </summary>
internal static class Scc
{
    /// <summary>Component index of every vertex; <paramref name="count"/> components.</summary>
    public static int[] Components(ReadOnlySpan<int> succ, int n, int k, out int count)
    {
        var index = new int[n];
        var low = new int[n];
        var comp = new int[n];
        Array.Fill(index, -1);
        var onStack = new bool[n];
        var stack = new int[n];
        int sp = 0;
        var callV = new int[n];
        var callI = new int[n];
        int counter = 0;
        count = 0;
        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0) continue;
            int depth = 0;
            callV[0] = root;
            callI[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                int v = callV[depth];
                int i = callI[depth];
                if (i < k)
                {
                    callI[depth] = i + 1;
                    int w = succ[v * k + i];
                    if (w < 0) continue;
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callV[depth] = w;
                        callI[depth] = 0;
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp[w] = count;
                    } while (w != v);
                    count++;
                }
                depth--;
                if (depth >= 0)
                {
                    int parent = callV[depth];
                    if (low[v] < low[parent]) low[parent] = low[v];
                }
            }
        }
        return comp;
    }

    /// <summary>Sizes of the components.</summary>
    public static int[] Sizes(int[] comp, int count)
    {
        var sizes = new int[count];
        foreach (var c in comp) sizes[c]++;
        return sizes;
    }
}

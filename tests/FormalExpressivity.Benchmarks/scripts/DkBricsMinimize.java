// Reads an AT&T FSM acceptor (src dst label lines, final-state lines), minimizes it with
// dk.brics.automaton (Hopcroft) and prints the number of states of the minimal automaton.
// dk.brics removes a dead (rejecting sink) state; pass --with-sink to count it back in when the
// minimal automaton is not total, so the figure matches fex's complete minimal DFA.
// Compile: javac -cp /usr/share/java/automaton.jar -d OUT DkBricsMinimize.java
import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.io.BufferedReader;
import java.io.FileReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class DkBricsMinimize {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DkBricsMinimize FILE.att [--with-sink]");
            System.exit(2);
        }
        boolean withSink = args.length > 1 && args[1].equals("--with-sink");
        List<State> states = new ArrayList<>();
        Map<String, Character> symbols = new HashMap<>();
        int start = -1;
        try (BufferedReader in = new BufferedReader(new FileReader(args[0]), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 0 || f[0].isEmpty()) continue;
                int src = Integer.parseInt(f[0]);
                if (start < 0) start = src;
                if (f.length <= 2) {
                    state(states, src).setAccept(true);
                    continue;
                }
                int dst = Integer.parseInt(f[1]);
                Character c = symbols.get(f[2]);
                if (c == null) {
                    c = (char) ('a' + symbols.size());
                    symbols.put(f[2], c);
                }
                state(states, src).addTransition(new Transition(c, state(states, dst)));
            }
        }
        Automaton a = new Automaton();
        a.setInitialState(state(states, start));
        a.setDeterministic(true);
        Automaton.setMinimization(Automaton.MINIMIZE_HOPCROFT);
        a.minimize();
        int count = a.getNumberOfStates();
        if (withSink && !isTotal(a, symbols.size())) count++;
        System.out.println(count);
    }

    private static State state(List<State> states, int q) {
        while (states.size() <= q) states.add(new State());
        return states.get(q);
    }

    private static boolean isTotal(Automaton a, int symbolCount) {
        for (State s : a.getStates()) {
            int covered = 0;
            for (Transition t : s.getTransitions()) covered += t.getMax() - t.getMin() + 1;
            if (covered < symbolCount) return false;
        }
        return true;
    }
}

// Fare 2.2.1 (the .NET port of dk.brics.automaton): regular expression → minimal DFA, prints its state
// count (Fare drops the rejecting sink, as dk.brics does). Usage: FarePeer REGEX
var automaton = new Fare.RegExp(args[0]).ToAutomaton();
automaton.Determinize();
automaton.Minimize();
Console.WriteLine(automaton.NumberOfStates);

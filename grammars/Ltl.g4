// Temporal logic over finite words (theory.md §2). See grammars/README.md, section "LTL".
// Precedence, loosest first: <->, -> (right-assoc), |, &, S/U (right-assoc), prefix operators.
// Chains are written as loops (not recursion) so that long chains do not deepen the parse;
// only parentheses nest, and LtlParser bounds the nesting before this parser runs.
grammar Ltl;

start : formula EOF ;

formula     : implication (IFF implication)* ;
implication : disjunction (IMPLIES disjunction)* ;
disjunction : conjunction (OR conjunction)* ;
conjunction : binaryTemporal (AND binaryTemporal)* ;
binaryTemporal : unary ((SINCE | UNTIL) unary)* ;
unary       : prefix* primary ;

prefix
    : NOT                          # NotPrefix
    | YESTERDAY window?            # YesterdayPrefix
    | PAST                         # PastPrefix
    | HISTORICALLY                 # HistoricallyPrefix
    | NEXT                         # NextPrefix
    | FUTURE                       # FuturePrefix
    | GLOBALLY                     # GloballyPrefix
    ;

window : LBRACK LE INT (COMMA GE INT)? RBRACK ;

primary
    : TRUE                         # TruePrimary
    | FALSE                        # FalsePrimary
    | IDENT                        # AtomPrimary
    | QUOTED                       # QuotedAtomPrimary
    | LPAREN formula RPAREN        # ParenPrimary
    ;

IFF          : '<->' | '<=>' | '\u2194' | '\u21D4' ;            // ↔ ⇔
IMPLIES      : '->' | '=>' | '\u2192' | '\u21D2' ;              // → ⇒
OR           : '|' | '||' | '\u2228' ;                          // ∨
AND          : '&' | '&&' | '\u2227' ;                          // ∧
NOT          : '!' | '~' | '\u00AC' ;                           // ¬
TRUE         : 'true' | '\u22A4' ;                               // ⊤
FALSE        : 'false' | '\u22A5' ;                              // ⊥
YESTERDAY    : 'Y' ;
PAST         : 'P' | 'O' | '\u25C6' ;                           // ◆ (once)
HISTORICALLY : 'H' | '\u25A0' ;                                  // ■
SINCE        : 'S' ;
NEXT         : 'X' | '\u25CB' ;                                  // ○
FUTURE       : 'F' | '\u25C7' | '\u2662' ;                       // ◇ ♢
GLOBALLY     : 'G' | '\u25A1' ;                                  // □
UNTIL        : 'U' ;
LPAREN       : '(' ;
RPAREN       : ')' ;
LBRACK       : '[' ;
RBRACK       : ']' ;
COMMA        : ',' ;
LE           : '<=' | '\u2264' ;                                 // ≤
GE           : '>=' | '\u2265' ;                                 // ≥
INT          : [0-9]+ ;
IDENT        : [A-Za-z_] [A-Za-z0-9_]* ;
QUOTED       : '\'' [A-Za-z_] [A-Za-z0-9_]* '\'' ;
WS           : [ \t\r\n]+ -> skip ;

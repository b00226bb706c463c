// Claims files: declarations of alphabets and languages, then claims about which transformer
// architectures and language classes recognize them. See docs/claims.md and grammars/README.md.
//
// The file is line-oriented: one declaration, claim or conjecture per line. `#` and `//` start a
// comment that runs to the end of the line. Embedded formulas are strings with a kind prefix
// (re"…", ltl"…", fo"…"); a model file is file"…". Strings cannot contain a double quote or a
// line break. Names may contain inner hyphens (LT-2, global-nonstrict), and the keywords below may
// also be used as names.
//
// The front end lexes the whole file, then parses each line's tokens with the `line` rule, so one
// bad line yields one diagnostic and does not hide errors on later lines; `file` is the same
// language written as one rule.
grammar Claims;

file : (statement? NEWLINE)* statement? EOF ;

line : statement? EOF ;

statement
    : ALPHABET symbolSet                                                   # AlphabetDeclaration
    | LANGUAGE name EQUALS STRING (OVER symbolSet)?                        # LanguageDeclaration
    | MODEL name EQUALS STRING (OVER symbolSet)?                           # ModelDeclaration
    | CLAIM name NOT? RECOGNIZABLE BY architecture                         # RecognizableClaim
    | CLAIM name NOT? IN name parameter?                                   # ClassClaim
    | CLAIM name EQEQ name                                                 # EquivalenceClaim
    | CONJECTURE architecture SUBSET architecture UP TO INT STATES (OVER symbolSet)?   # Conjecture
    ;

architecture : IDENT parameter? ;     // keywords are never architectures

parameter : LPAREN MINUS? INT RPAREN ;

symbolSet : LBRACE (name (COMMA name)*)? RBRACE ;

name
    : IDENT | ALPHABET | LANGUAGE | MODEL | CLAIM | CONJECTURE | NOT | RECOGNIZABLE | BY | IN
    | OVER | UP | TO | STATES
    ;

ALPHABET     : 'alphabet' ;
LANGUAGE     : 'language' ;
MODEL        : 'model' ;
CLAIM        : 'claim' ;
CONJECTURE   : 'conjecture' ;
NOT          : 'not' ;
RECOGNIZABLE : 'recognizable' ;
BY           : 'by' ;
IN           : 'in' ;
OVER         : 'over' ;
UP           : 'up' ;
TO           : 'to' ;
STATES       : 'states' ;

SUBSET : '\u2286' | '<=' | 'subset' ;      // ⊆ <= subset
EQEQ   : '==' ;
EQUALS : '=' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
COMMA  : ',' ;
MINUS  : '-' ;
INT    : [0-9]+ ;

// A string with an optional kind prefix: re"…", ltl"…", fo"…", file"…". The front end checks the
// prefix, so an unknown or missing kind gets its own diagnostic.
STRING              : PREFIX? '"' ~["\r\n]* '"' ;
UNTERMINATED_STRING : PREFIX? '"' ~["\r\n]* ;

IDENT : [A-Za-z_] [A-Za-z0-9_]* ('-' [A-Za-z0-9_]+)* ;

COMMENT : ('#' | '//') ~[\r\n]* -> skip ;
NEWLINE : '\r'? '\n' ;
WS      : [ \t\f]+ -> skip ;

fragment PREFIX : [A-Za-z_] [A-Za-z0-9_]* ;

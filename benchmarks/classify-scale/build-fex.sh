# Sourced by mescal.sh and ltk.sh: builds fex from the checkout at $root into the folder $1 and sets $fex.
# FEX_BUILD=aot (default): the Native AOT binary of `dotnet publish -c Release -r linux-x64` (no JIT start-up);
# FEX_BUILD=jit: the Release JIT build that `dotnet build` makes (its start-up adds ~0.15 s per process).
build_fex() {
  case ${FEX_BUILD:-aot} in
    aot)
      dotnet publish "$root/src/FormalExpressivity.Cli" -c Release -r linux-x64 -o "$1" -v q -nologo >/dev/null
      fex="$1/fex" ;;
    jit)
      dotnet build "$root/src/FormalExpressivity.Cli" -c Release -v q -nologo >/dev/null
      fex="$root/src/FormalExpressivity.Cli/bin/Release/net10.0/fex" ;;
    *) echo "$(basename "$0"): FEX_BUILD must be aot or jit" >&2; exit 2 ;;
  esac
}

# bash completion for govsim(1).
_govsim()
{
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "check run power graph montecarlo merge compare --version --help" -- "$cur"))
    return
  fi
  case "$prev" in
    --format|-f)
      case "$cmd" in
        check) COMPREPLY=($(compgen -W "text json csv" -- "$cur")) ;;
        run) COMPREPLY=($(compgen -W "text json csv html" -- "$cur")) ;;
        power) COMPREPLY=($(compgen -W "text json csv html" -- "$cur")) ;;
        graph) COMPREPLY=($(compgen -W "dot svg" -- "$cur")) ;;
        montecarlo|merge) COMPREPLY=($(compgen -W "text json csv html" -- "$cur")) ;;
        compare) COMPREPLY=($(compgen -W "text json csv html" -- "$cur")) ;;
      esac
      return ;;
    --table)
      case "$cmd" in
        montecarlo|merge) COMPREPLY=($(compgen -W "headline matters bodies breaches proposals" -- "$cur")) ;;
        compare) COMPREPLY=($(compgen -W "headline bodies terms findings fates" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "proposals matters tallies bodies meetings gateways breaches records" -- "$cur")) ;;
      esac
      return ;;
    --fail-on)
      COMPREPLY=($(compgen -W "error warning advice" -- "$cur"))
      return ;;
    --output|-o)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    --seed|-s|--max-size|--max-records|--max-events|--samples|--body|-b|--runs|-n|--threads|-j|--precision|--shard|--replication|-r|--variant|-V|--sweep|-S|--top)
      return ;;
  esac
  if [[ "$cur" == -* ]]; then
    local opts="--help --max-size"
    case "$cmd" in
      check) opts="$opts --fail-on --quiet --full --format --output" ;;
      run) opts="$opts --seed --replication --trace --format --table --output --max-records --max-events" ;;
      montecarlo) opts="$opts --runs --threads --seed --precision --shard --progress --quiet --format --table --output" ;;
      merge) opts="$opts --scenario --format --table --output" ;;
      compare) opts="$opts --variant --sweep --runs --threads --seed --precision --top --progress --quiet --format --table --output" ;;
      power) opts="$opts --body --format --samples --seed --output" ;;
      graph) opts="$opts --format --output --no-findings" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
}
complete -F _govsim govsim

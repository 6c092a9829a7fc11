# Bash completion for dormant, from System.CommandLine's own [suggest] directive.
# Use: source scripts/dormant-completion.bash   (or copy into /etc/bash_completion.d/)
_dormant_complete() {
  local IFS=$'\n'
  COMPREPLY=($(dormant "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null | grep -- "^${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _dormant_complete dormant

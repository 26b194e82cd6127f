{
  "aliases": {
    "{{jbangAliasName}}": {
      "script-ref": "https://{{repoHost}}/{{repoOwner}}/{{repoName}}/releases/download/{{tagName}}/mlplan.jar",
      "description": "{{projectDescription}}",
      "java": "17+"
    }
  }
}

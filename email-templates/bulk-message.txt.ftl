${messageBody}

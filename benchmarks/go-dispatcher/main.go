// A dispatcher like the Go seed's, the benchmark's floor for "a webhook dispatcher": read a file-link-generated
// event from the file named by the first argument, POST one Discord embed to WEBHOOK_URL, exit non-zero unless the
// webhook answers 2xx. Standard library only; benchmarks/run builds it with `go build` when go is on PATH.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

type linkEvent struct {
	Detail struct {
		FileName       string `json:"fileName"`
		FileURL        string `json:"fileUrl"`
		Bucket         string `json:"bucket"`
		ExpirationTime string `json:"expirationTime"`
	} `json:"detail"`
}

func main() {
	if len(os.Args) != 2 || os.Getenv("WEBHOOK_URL") == "" {
		fmt.Fprintln(os.Stderr, "usage: WEBHOOK_URL=URL go-dispatcher EVENT.json")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-dispatcher:", err)
		os.Exit(2)
	}
	var event linkEvent
	if err := json.Unmarshal(raw, &event); err != nil || event.Detail.FileURL == "" {
		fmt.Fprintln(os.Stderr, "go-dispatcher: not a file-link-generated event:", err)
		os.Exit(2)
	}
	d := event.Detail
	body, _ := json.Marshal(map[string]any{
		"embeds": []map[string]any{{
			"title":       d.FileName,
			"url":         d.FileURL,
			"description": fmt.Sprintf("New file in %s. The link expires in %s.", d.Bucket, d.ExpirationTime),
			"color":       3447003,
		}},
	})
	client := &http.Client{Timeout: 10 * time.Second}
	answer, err := client.Post(os.Getenv("WEBHOOK_URL"), "application/json", bytes.NewReader(body))
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-dispatcher:", err)
		os.Exit(1)
	}
	answer.Body.Close()
	if answer.StatusCode/100 != 2 {
		fmt.Fprintln(os.Stderr, "go-dispatcher: webhook answered", answer.Status)
		os.Exit(1)
	}
}

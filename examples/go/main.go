// The seed-000 story from Go, over the C ABI with cgo: share, verify the link, open it, a wrong
// code then the right one, view the thread, reply, cancel, and the refused links.
//
//	cargo build --release -p ticketshare-c && cd examples/go && go run .
package main

import (
	"errors"
	"fmt"
	"log"
	"regexp"
	"strings"
	"time"
)

var (
	agent   = map[string]any{"id": "agent-7", "name": "Ana Agent", "role": "agent"}
	account = map[string]any{"company_name": "Acme Shoes", "plan": "enterprise"}
	t0      = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
)

func at(seconds int) time.Time { return t0.Add(time.Duration(seconds) * time.Second) }

// now is a time as every operation's `now` takes it: RFC 3339 text.
func now(seconds int) string { return at(seconds).Format(time.RFC3339Nano) }

func main() {
	engine, err := NewEngine(map[string]any{
		// In production the key comes from a secret store: 32+ random bytes, unpadded base64url.
		"keyring":  map[string]any{"active": 1, "keys": []any{map[string]any{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}}},
		"view_url": "https://help.acme.example/shared/",
	})
	if err != nil {
		log.Fatal(err)
	}
	defer engine.Close()
	fmt.Printf("ticketshare %s from Go\n", Version())

	var created struct {
		Share     Record `json:"share"`
		LinkToken string `json:"link_token"`
		LinkURL   string `json:"link_url"`
	}
	must(engine.Call("share.create", map[string]any{"actor": agent, "account": account, "now": now(0), "request": map[string]any{
		"ticket_id": "T-1001", "recipient": "orders@supplier.example",
		"subject": "Trainers labelled 42 are far smaller", "message": "Could you check batch B-17?",
	}}, &created))
	token := created.LinkToken
	fmt.Println("1. shared:", created.LinkURL)

	claims, err := engine.VerifyLink(token, at(10))
	must(err)
	fmt.Println("2. link verified for share", claims.ShareID, "until", claims.ExpiresAt.Format(time.RFC3339))

	var opened struct {
		Outcome   string `json:"outcome"`
		Challenge Record `json:"challenge"`
		Email     struct {
			TextBody string `json:"text_body"`
		} `json:"email"`
	}
	must(engine.Call("link.open", map[string]any{"token": token, "share": created.Share, "account": account, "now": now(60)}, &opened))
	fmt.Println("3. link opened:", opened.Outcome)
	code := regexp.MustCompile(`\d{6}`).FindString(opened.Email.TextBody)

	type checked struct {
		Outcome      string `json:"outcome"`
		AttemptsLeft int    `json:"attempts_left"`
		Share        Record `json:"share"`
		Challenge    Record `json:"challenge"`
		SessionToken string `json:"session_token"`
	}
	var rejected, accepted checked
	wrong := strings.NewReplacer("0", "1", "1", "2", "2", "3", "3", "4", "4", "5", "5", "6", "6", "7", "7", "8", "8", "9", "9", "0").Replace(code)
	must(engine.Call("code.check", map[string]any{"token": token, "share": created.Share, "challenge": opened.Challenge, "code": wrong, "now": now(70)}, &rejected))
	fmt.Printf("4. wrong code %s, %d tries left\n", rejected.Outcome, rejected.AttemptsLeft)
	must(engine.Call("code.check", map[string]any{"token": token, "share": rejected.Share, "challenge": rejected.Challenge, "code": code, "now": now(80)}, &accepted))
	fmt.Println("   right code", accepted.Outcome)
	share, session := accepted.Share, accepted.SessionToken

	thread := map[string]any{"ticket_id": "T-1001", "items": []any{
		map[string]any{"id": "m1", "kind": map[string]any{"type": "incoming"}, "author": map[string]any{"role": "customer", "name": "Carla"},
			"body": "They are tiny!", "at": "2026-11-22T09:00:00Z"},
		map[string]any{"id": "n1", "kind": map[string]any{"type": "internal_note"}, "author": map[string]any{"role": "agent", "name": "Ana Agent"},
			"body": "VIP: refund if slow", "at": "2026-11-22T10:00:00Z"},
	}}
	var view struct {
		Items []struct {
			Author struct{ Name string } `json:"author"`
			Body   string                `json:"body"`
		} `json:"items"`
	}
	must(engine.Call("share.view", map[string]any{"session_token": session, "share": share, "thread": thread, "now": now(100)}, &view))
	fmt.Printf("5. the collaborator sees %d message(s): %s: %s\n", len(view.Items), view.Items[0].Author.Name, view.Items[0].Body)

	var replied struct {
		Note struct {
			Kind struct{ Type string } `json:"kind"`
		} `json:"note"`
	}
	must(engine.Call("share.reply", map[string]any{"session_token": session, "share": share, "reply": map[string]any{"body": "Batch B-17 was mislabelled."}, "account": account, "now": now(200)}, &replied))
	fmt.Println("6. reply stored as", replied.Note.Kind.Type)

	var cancelled struct {
		Share Record `json:"share"`
	}
	must(engine.Call("share.cancel", map[string]any{"actor": agent, "share": share, "now": now(300)}, &cancelled))
	var refused *Error
	err = engine.Call("link.open", map[string]any{"token": token, "share": cancelled.Share, "account": account, "now": now(301)}, &opened)
	if !errors.As(err, &refused) {
		log.Fatalf("a cancelled link opened: %v", err)
	}
	fmt.Printf("7. after cancelling: %s (the collaborator sees: %s)\n", refused.Code, refused.Category)

	_, err = engine.VerifyLink(token, at(72*3600))
	if !errors.As(err, &refused) {
		log.Fatalf("an expired link verified: %v", err)
	}
	fmt.Printf("8. 72 h later: %s (%s)\n", refused.Code, refused.Category)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
